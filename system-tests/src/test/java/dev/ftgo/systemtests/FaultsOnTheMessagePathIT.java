package dev.ftgo.systemtests;

import static dev.ftgo.systemtests.Outcomes.awaitProgress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Component;

/**
 * The first faults of the {@linkplain FaultSuite fault suite}, on the path an order's messages take: the relay that
 * carries the outbox to Kafka killed, the broker itself stopped, the kitchen that answers them killed. Orders go on
 * being accepted meanwhile; once the process is back, each completes exactly once.
 */
@Order(SharedStack.FIRST + 4)
class FaultsOnTheMessagePathIT extends FaultSuite {

	@Test
	@DisplayName("1. cdc-relay `kill -9` during a burst of 200+ orders, restarted")
	void relayKilledMidBurst() {
		// RATE, as the other faults: at 20/s a slow machine's stack was at capacity and the gateway shed some of the
		// burst (503) whether the relay was dead or not
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, RATE)) {
			awaitProgress(stream::acceptedCount, 60);
			stack.kill(Component.CDC_RELAY);
			awaitProgress(stream::acceptedCount, 210);
			stream.stop();

			// started again before anything is asserted: a failure here must not leave the faults after it without a relay
			long restartedAt = System.nanoTime();
			stack.start(Component.CDC_RELAY);
			long startedMs = (System.nanoTime() - restartedAt) / 1_000_000;
			assertThat(stream.refused()).as("answers other than 201 with the relay dead").isEmpty();
			var orders = outcomes.storedOrders(consumerId, stream.accepted());
			long recoveryMs = awaitRecovered(orders, restartedAt);

			var tally = outcomes.assertExactlyOnce(orders);
			var createTickets = kafka.readAll("kitchen.commands").stream().filter(record -> orders.contains(record.key()))
					.toList();
			long republished = createTickets.size() - createTickets.stream().map(record -> record.headers().get("id"))
					.distinct().count();
			row.finish(orders.size(), tally, recoveryMs, ("all %d POSTs answered 201; relay started in %.1f s; %d CreateTicket "
					+ "records re-sent after the restart, none applied twice").formatted(stream.sent(), startedMs / 1000.0,
							republished));
		}
	}

	@Test
	@DisplayName("2. Kafka broker stopped during a burst, started again")
	void kafkaStoppedDuringBurst() {
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, RATE)) {
			awaitProgress(stream::acceptedCount, 20);
			long stoppedAt = System.nanoTime();
			stack.stop(Component.KAFKA);
			// the broker stays down while 200 more orders are placed: about 20 s at 10 orders/s
			int acceptedAtStop = stream.acceptedCount();
			awaitProgress(stream::acceptedCount, acceptedAtStop + 200);
			long restartedAt = System.nanoTime();
			stack.start(Component.KAFKA);
			long outageMs = (System.nanoTime() - stoppedAt) / 1_000_000;
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 with the broker down").isEmpty();

			var orders = outcomes.storedOrders(consumerId, stream.accepted());
			long recoveryMs = awaitRecovered(orders, restartedAt);
			row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
					"broker down %.1f s; all %d POSTs answered 201".formatted(outageMs / 1000.0, stream.sent()));
		}
	}

	@Test
	@DisplayName("3. kitchen-service `kill -9`, restarted")
	void kitchenKilled() {
		String composedWhileDead;
		try (var stream = OrderStream.start(fixtures, consumerId, restaurantId, RATE)) {
			awaitProgress(stream::acceptedCount, 10);
			var withTicket = stream.accepted().get(0);
			awaitOrderState(withTicket, "APPROVED");
			stack.kill(Component.KITCHEN_SERVICE);
			int acceptedAtKill = stream.acceptedCount();
			composedWhileDead = assertComposed(consumerId, withTicket, false);
			awaitProgress(stream::acceptedCount, acceptedAtKill + 100);
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 with the kitchen dead").isEmpty();
			var waiting = stream.accepted().subList(acceptedAtKill, stream.acceptedCount());
			assertThat(ledger.states(waiting).values()).as("orders placed while the kitchen was dead")
					.hasSize(waiting.size()).containsOnly("APPROVAL_PENDING");

			long restartedAt = System.nanoTime();
			stack.start(Component.KITCHEN_SERVICE);
			long startedMs = (System.nanoTime() - restartedAt) / 1_000_000;
			var orders = outcomes.storedOrders(consumerId, stream.accepted());
			long recoveryMs = awaitRecovered(orders, restartedAt);
			assertComposed(consumerId, withTicket, true);
			row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
					("%d orders waited in APPROVAL_PENDING; recovery includes the kitchen's start (%.1f s); "
							+ "?expand=consumer,ticket while it was dead: %s").formatted(waiting.size(), startedMs / 1000.0,
							composedWhileDead));
		}
	}

	/**
	 * The consumer's view of an approved order with its parts ({@code ?expand=consumer,ticket}): with the kitchen
	 * up both are there; with it down the order still comes, 200, with {@code ticket: null} named in
	 * {@code unavailable}. Returns what the answer said about the ticket.
	 */
	private static String assertComposed(String consumerId, String orderId, boolean kitchenUp) {
		var composed = fixtures.asConsumer(consumerId).get("/api/v1/orders/" + orderId + "?expand=consumer,ticket");
		assertThat(composed.status()).as(composed.toString()).isEqualTo(200);
		var order = composed.json();
		assertThat(order.get("orderId").asString()).isEqualTo(orderId);
		assertThat(order.at("/consumer/consumerId").asString()).as(order.toString()).isEqualTo(consumerId);
		if (kitchenUp) {
			assertThat(order.at("/ticket/ticketId").asString()).as(order.toString()).isEqualTo(order.get("ticketId").asString());
			assertThat(order.get("unavailable").size()).as(order.toString()).isZero();
		}
		else {
			assertThat(order.get("ticket").isNull()).as(order.toString()).isTrue();
			assertThat(order.get("unavailable").valueStream().map(part -> part.asString()).toList()).containsExactly("ticket");
		}
		return "200, ticket " + order.get("ticket") + ", unavailable " + order.get("unavailable");
	}
}
