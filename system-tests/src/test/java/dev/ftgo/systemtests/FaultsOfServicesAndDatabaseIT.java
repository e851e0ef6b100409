package dev.ftgo.systemtests;

import static dev.ftgo.systemtests.Outcomes.awaitProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Component;
import dev.ftgo.testsupport.ApiClient;

/**
 * The {@linkplain FaultSuite fault suite}'s faults of the services order placement depends on and of their
 * database: consumer-service killed, then slowed down by a lock, with order-service's breaker and replica between;
 * order-service itself killed while the kitchen's replies are on their way; PostgreSQL stopped under every
 * service. Whatever the client was answered, every stored order completes exactly once.
 */
@Order(SharedStack.FIRST + 5)
class FaultsOfServicesAndDatabaseIT extends FaultSuite {

	@Test
	@DisplayName("4. consumer-service `kill -9`, restarted")
	void consumerServiceKilled() {
		stack.kill(Component.CONSUMER_SERVICE);
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, RATE)) {
			await().atMost(RECOVERY).pollInterval(POLL).until(() -> "OPEN".equals(breakerState()));

			var unknownLatenciesMs = new ArrayList<Long>();
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				var unknown = fixtures.placeOrder(UUID.randomUUID().toString(), restaurantId, ONE_CURRY);
				unknownLatenciesMs.add((System.nanoTime() - start) / 1_000_000);
				assertProblem(unknown, 503);
				assertThat(unknown.header("Retry-After")).isNotBlank();
			}
			assertThat(breakerState()).as("the 503s for unknown consumers came from the open breaker").isEqualTo("OPEN");
			awaitProgress(stream::acceptedCount, stream.acceptedCount() + 50);

			long restartedAt = System.nanoTime();
			stack.start(Component.CONSUMER_SERVICE);
			long startedMs = (System.nanoTime() - restartedAt) / 1_000_000;
			// the stream's calls are what moves the breaker through half-open back to closed
			await().atMost(RECOVERY).pollInterval(POLL).until(() -> "CLOSED".equals(breakerState()));
			long breakerClosedMs = (System.nanoTime() - restartedAt) / 1_000_000;
			stream.stop();
			assertThat(stream.refused()).as("orders of a known consumer while consumer-service was dead").isEmpty();

			var orders = outcomes.storedOrders(consumerId, stream.accepted());
			long recoveryMs = awaitRecovered(orders, restartedAt);
			row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
					("known consumer: all %d POSTs 201 from the replica; unknown consumer: 503 in %s ms with the breaker open; "
							+ "service started in %.1f s, breaker closed %.1f s after the restart").formatted(stream.sent(),
							unknownLatenciesMs, startedMs / 1000.0, breakerClosedMs / 1000.0));
		}
	}

	@Test
	@DisplayName("5. consumer-service slow (its `consumer` table locked)")
	void consumerServiceSlow() throws Exception {
		var accepted = new ArrayList<String>();
		String slowNote;
		long releasedAt;
		// a lock the test holds makes every consumer lookup of consumer-service wait: a slow dependency
		// that only order-service's own timeout can cut short
		try (var lock = DriverManager.getConnection(stack.postgres().jdbcUrl("consumer_service"), "consumer_service",
				"consumer_service")) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE consumer IN ACCESS EXCLUSIVE MODE");
			try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, 5)) {
				// calls cut short by the timeout open the breaker; from then on the replica answers at once
				await().atMost(RECOVERY).pollInterval(POLL).until(() -> "OPEN".equals(breakerState()));
				awaitProgress(stream::acceptedCount, 30);
				var sample = stream.accepted().get(0);
				assertThat(admin.get("/api/v1/restaurants/" + restaurantId).status()).isEqualTo(200);
				assertThat(admin.get("/api/v1/orders/" + sample).status()).isEqualTo(200);
				assertThat(admin.get("/api/v1/orders?consumerId=" + consumerId).status()).isEqualTo(200);
				assertThat(admin.get("/api/v1/tickets?orderId=" + sample).status()).isEqualTo(200);
				stream.stop();
				// every POST was answered while the lock was still held: none waited for consumer-service
				assertThat(stream.refused()).as("answers other than 201 with consumer-service stuck").isEmpty();
				accepted.addAll(stream.accepted());
				var latencies = stream.latenciesMs();
				slowNote = "all %d POSTs 201 while the lock was held (p50 %d ms, max %d ms; order-service's read timeout is 2 s); "
						.formatted(stream.sent(), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
			}
			lock.rollback();
			releasedAt = System.nanoTime();
		}
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, 5)) {
			await().atMost(RECOVERY).pollInterval(POLL).until(() -> "CLOSED".equals(breakerState()));
			long breakerClosedMs = (System.nanoTime() - releasedAt) / 1_000_000;
			stream.stop();
			assertThat(stream.refused()).isEmpty();
			accepted.addAll(stream.accepted());
			var orders = outcomes.storedOrders(consumerId, accepted);
			long recoveryMs = awaitRecovered(orders, releasedAt);
			row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
					slowNote + "other routes answered 200; breaker closed %.1f s after the release"
							.formatted(breakerClosedMs / 1000.0));
		}
	}

	@Test
	@DisplayName("6. order-service `kill -9` while kitchen replies are in flight, restarted")
	void orderServiceKilledWhileRepliesAreInFlight() {
		List<OrderStream.Refusal> refused;
		int acceptedCount;
		long restartedAt;
		long startedMs;
		long pendingAtKill;
		long killedAtMs;
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, 20)) {
			awaitProgress(stream::acceptedCount, 60);
			stack.kill(Component.ORDER_SERVICE);
			killedAtMs = stream.elapsedMs();
			// the kitchen goes on replying to these while order-service is dead
			pendingAtKill = ledger.states(ledger.ordersOf(consumerId)).values().stream()
					.filter("APPROVAL_PENDING"::equals).count();
			awaitProgress(stream::sent, stream.sent() + 20);
			stream.stop();
			refused = stream.refused();
			acceptedCount = stream.acceptedCount();
			restartedAt = System.nanoTime();
			stack.start(Component.ORDER_SERVICE);
			startedMs = (System.nanoTime() - restartedAt) / 1_000_000;
			outcomes.storedOrders(consumerId, stream.accepted());
		}
		// A POST order-service was answering when it died gets no answer at all: its 201 may be cut off mid-body,
		// which no proxy can mend (the ledger below counts its order if it was stored). Every POST sent after the
		// kill gets the gateway's 503 problem.
		assertThat(refused).as("POSTs while order-service was dead").isNotEmpty().allSatisfy(refusal -> {
			if (refusal.status() == -1) {
				assertThat(refusal.sentAtMs()).as("sent before the kill at %d ms: %s", killedAtMs, refusal)
					.isLessThanOrEqualTo(killedAtMs);
			}
			else {
				assertThat(refusal.status()).as(refusal.toString()).isEqualTo(503);
				assertThat(refusal.contentType()).as(refusal.toString()).startsWith("application/problem+json");
			}
		});
		// every order order-service stored counts, including one whose 201 the kill swallowed
		var orders = ledger.ordersOf(consumerId);
		long recoveryMs = awaitRecovered(orders, restartedAt);
		var tally = outcomes.assertExactlyOnce(orders);

		var wanted = Set.copyOf(orders);
		var eventsPerOrder = kafka.readAll("order.events").stream().filter(record -> wanted.contains(record.key()))
				.collect(Collectors.groupingBy(KafkaTopics.Record::key,
						Collectors.mapping(record -> record.headers().get("type"), Collectors.toList())));
		assertThat(eventsPerOrder).hasSize(orders.size()).allSatisfy((order, types) -> assertThat(types.stream().distinct())
				.as("events of order " + order).containsExactly("OrderCreated", "OrderApproved"));
		long cutOff = refused.stream().filter(refusal -> refusal.status() == -1).count();
		row.finish(orders.size(), tally, recoveryMs, ("%d answered 201, %d answered 503 while it was dead%s; %d orders "
				+ "awaited their reply at the kill; every order went APPROVAL_PENDING then APPROVED; recovery includes "
				+ "its start (%.1f s)").formatted(acceptedCount, refused.size() - cutOff,
						cutOff == 0 ? "" : ", " + cutOff + " cut off by the kill", pendingAtKill, startedMs / 1000.0));
	}

	@Test
	@DisplayName("7. PostgreSQL stopped and started under the services")
	void postgresRestarted() {
		List<OrderStream.Refusal> refused;
		long restartedAt;
		long downMs;
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, RATE)) {
			awaitProgress(stream::acceptedCount, 20);
			long stoppingAt = System.nanoTime();
			stack.stop(Component.POSTGRES);
			awaitProgress(stream::sent, stream.sent() + 20);
			stack.start(Component.POSTGRES);
			restartedAt = System.nanoTime();
			downMs = (restartedAt - stoppingAt) / 1_000_000;
			// the pools reconnect by themselves: new orders are accepted again
			awaitProgress(stream::acceptedCount, stream.acceptedCount() + 30);
			stream.stop();
			refused = stream.refused();
			outcomes.storedOrders(consumerId, stream.accepted());
		}
		assertThat(refused).as("POSTs while PostgreSQL was down").allSatisfy(refusal -> {
			assertThat(refusal.status()).as(refusal.toString()).isEqualTo(503);
			assertThat(refusal.contentType()).as(refusal.toString()).startsWith("application/problem+json");
		});
		var orders = ledger.ordersOf(consumerId);
		long recoveryMs = awaitRecovered(orders, restartedAt);
		row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
				"down %.1f s (the stop included); %d POSTs answered 503 problem+json meanwhile, none 500"
						.formatted(downMs / 1000.0, refused.size()));
	}

	private static String breakerState() {
		return new ApiClient(stack.ports().order()).get("/actuator/circuitbreakers").json()
				.at("/circuitBreakers/consumer-service/state").asString();
	}
}
