package dev.ftgo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);
	private final ClientRateLimiter limiter = new ClientRateLimiter(new RateLimitSettings(true, 50, 100, 1000), now::get);

	private void advance(Duration by) {
		now.addAndGet(by.toNanos());
	}

	private long granted(String client, int requests) {
		return IntStream.range(0, requests).filter(i -> limiter.acquire(client).isZero()).count();
	}

	@Test
	void letsABurstThroughAtOnceAndThenSaysHowLongToWait() {
		assertThat(granted("ada", 100)).isEqualTo(100);

		assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofMillis(20));
		advance(Duration.ofMillis(5));
		assertThat(limiter.acquire("ada")).isEqualTo(Duration.ofMillis(15));
	}

	@Test
	void refillsAtTheSustainedRate() {
		granted("ada", 100);

		advance(Duration.ofSeconds(1));

		assertThat(granted("ada", 80)).isEqualTo(50);
	}

	@Test
	void neverHoldsMoreThanABurst() {
		granted("ada", 1);
		advance(Duration.ofHours(1));

		assertThat(granted("ada", 150)).isEqualTo(100);
	}

	@Test
	void keepsABucketPerClient() {
		granted("ada", 100);

		assertThat(limiter.acquire("ada")).isPositive();
		assertThat(limiter.acquire("grace")).isZero();
	}

	@Test
	void forgetsClientsOnceTheirBucketWouldBeFullAgain() {
		granted("ada", 100);
		granted("grace", 1);
		assertThat(limiter.clients()).isEqualTo(2);

		advance(Duration.ofSeconds(2));

		assertThat(limiter.clients()).isZero();
		assertThat(granted("ada", 100)).isEqualTo(100);
	}

	@Test
	void keepsNoMoreClientsThanConfigured() {
		var small = new ClientRateLimiter(new RateLimitSettings(true, 50, 100, 10), now::get);

		IntStream.range(0, 50).forEach(client -> small.acquire("client-" + client));

		assertThat(small.clients()).isLessThanOrEqualTo(10);
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(true, 0, 100, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(true, 50, 0, 10));
	}
}
