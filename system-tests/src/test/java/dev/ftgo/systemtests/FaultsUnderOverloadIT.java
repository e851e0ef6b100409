package dev.ftgo.systemtests;

import static dev.ftgo.systemtests.Outcomes.awaitProgress;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The last fault of the {@linkplain FaultSuite fault suite}: far more orders through the gateway than the machine
 * carries. It leaves the stack the most worn, so it runs last of all the classes on the {@link SharedStack}: its
 * {@code @Order} is the highest that stack's classes take.
 */
@Order(SharedStack.FIRST + 9)
class FaultsUnderOverloadIT extends FaultSuite {

	/** Several times what the stack carries on two cores (about 40-70 orders/s); on a larger machine less so. */
	private static final int OVERLOAD_RATE = 200;
	private static final int OVERLOAD_SECONDS = 10;

	@Test
	@DisplayName("10. overload: " + OVERLOAD_RATE + " orders/s through the gateway for "
			+ OVERLOAD_SECONDS + " s, far above what 2 cores carry")
	void overloadThroughTheGateway() {
		List<OrderStream.Refusal> refused;
		List<String> orders;
		int sent;
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, OVERLOAD_RATE)) {
			awaitProgress(stream::sent, OVERLOAD_RATE * OVERLOAD_SECONDS);
			stream.stop();
			sent = stream.sent();
			refused = stream.refused();
			orders = outcomes.storedOrders(consumerId, stream.accepted());
		}
		// Whatever the machine carries: the excess is refused with 503 (the edge's concurrency limit) or 429,
		// as a problem that says when to retry; never another error, never a request left without an answer
		assertThat(refused).as("answers other than 201 under overload")
			.allSatisfy(refusal -> {
				assertThat(refusal.status()).as(refusal.toString()).isIn(503, 429);
				assertThat(refusal.contentType()).as(refusal.toString()).startsWith("application/problem+json");
				assertThat(refusal.retryAfter()).as(refusal.toString()).isNotBlank();
			});
		long recoveryMs = awaitRecovered(orders, System.nanoTime());
		var tally = outcomes.assertExactlyOnce(orders);
		var refusalMs = refused.stream().mapToLong(OrderStream.Refusal::latencyMs).sorted().toArray();
		row.finish(orders.size(), tally, recoveryMs, ("%d sent, %d answered 201 and completed, %d refused (503 or 429"
				+ " problem with Retry-After) in p50 %d / p99 %d ms; no other answer").formatted(sent, orders.size(),
						refused.size(), percentile(refusalMs, 50), percentile(refusalMs, 99)));
	}

	private static long percentile(long[] sorted, int percentile) {
		return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}
}
