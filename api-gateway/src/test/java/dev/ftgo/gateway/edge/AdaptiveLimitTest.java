package dev.ftgo.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.netflix.concurrency.limits.limit.Gradient2Limit;

/**
 * How the shipped settings make the limit behave, against a model of a saturated service: it answers 20
 * requests a second however many it holds, so each one takes {@code inflight / 20} seconds (Little's law).
 */
class AdaptiveLimitTest {

	private static final double ANSWERS_PER_SECOND = 20;

	/** The settings as application.yml ships them. */
	private static final ConcurrencyLimitSettings SHIPPED = new ConcurrencyLimitSettings(true, 40, 16, 200, 4, 1.0,
			6000, Duration.ofSeconds(1));

	/** A long-term average over 600 answers, and latency allowed 1.5 times above it, as before. */
	private static final ConcurrencyLimitSettings SHORT_MEMORY = new ConcurrencyLimitSettings(true, 40, 16, 200, 4,
			1.5, 600, Duration.ofSeconds(1));

	/** Answers at capacity: 8 clients, each sending again as soon as it has its answer. */
	private static void atCapacity(Gradient2Limit limit, int answers) {
		for (int i = 0; i < answers; i++) {
			answer(limit, 8);
		}
	}

	/** Answers under an overload: more is offered than the limit lets through, so the limit is always full. */
	private static long overloaded(Gradient2Limit limit, int answers) {
		long slowest = 0;
		for (int i = 0; i < answers; i++) {
			slowest = Math.max(slowest, answer(limit, limit.getLimit()));
		}
		return slowest;
	}

	private static long answer(Gradient2Limit limit, int inflight) {
		long millis = Math.round(1000 * inflight / ANSWERS_PER_SECOND);
		limit.onSample(0, TimeUnit.MILLISECONDS.toNanos(millis), inflight, false);
		return millis;
	}

	@Test
	void holdsALastingOverloadAtTheMinimumSoTheAcceptedRequestsWaitAtMostTwiceAsLongAsAtCapacity() {
		var limit = ServiceLimits.adaptiveLimit(SHIPPED);
		atCapacity(limit, 3000);

		// at 20 answers a second: 25 s for the limit to come down from where it stood, then 50 s more
		overloaded(limit, 500);
		long slowest = overloaded(limit, 1000);

		assertThat(limit.getLimit()).isEqualTo(16);
		assertThat(slowest).isLessThanOrEqualTo(2 * 400);
	}

	@Test
	void aLimitMeasuredAgainstAShortAverageDriftsUpWithTheQueueItLetsIn() {
		var limit = ServiceLimits.adaptiveLimit(SHORT_MEMORY);
		atCapacity(limit, 3000);

		overloaded(limit, 1500);

		// the queue becomes the new normal: the accepted requests wait several times as long as at capacity
		assertThat(limit.getLimit()).isGreaterThan(2 * 16);
	}

	@Test
	void keepsItsInitialHeadroomUnderALoadThatFitsSoAShortStallIsWaitedOut() {
		var limit = ServiceLimits.adaptiveLimit(SHIPPED);

		atCapacity(limit, 3000);

		assertThat(limit.getLimit()).isEqualTo(40);
	}

	@Test
	void refusesALongWindowBelowOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConcurrencyLimitSettings(true, 40, 16, 200, 4, 1.0, 0, Duration.ofSeconds(1)))
			.withMessageContaining("long-window");
	}
}
