package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.ApiClient;

/**
 * The {@linkplain FaultSuite fault suite}'s faults of work asked for more than once: the same Kafka records
 * published again, and many callers racing for the same ticket transition. Each is applied once.
 */
@Order(SharedStack.FIRST + 6)
class FaultsOfDuplicatesAndRacesIT extends FaultSuite {

	@Test
	@DisplayName("8. the same Kafka records published again by hand")
	void recordsPublishedTwiceByHand() {
		var placed = fixtures.placeOrder(consumerId, restaurantId, ONE_CURRY);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		var orderId = placed.json().get("orderId").asString();
		var orders = List.of(orderId);
		outcomes.awaitCompleted(orders, System.nanoTime());

		var createTicket = single("kitchen.commands", orderId, "CreateTicket");
		var ticketCreated = single("order.replies", orderId, "TicketCreated");
		var notifyConsumer = kafka.readAll("consumer.commands").stream()
				.filter(record -> "NotifyConsumer".equals(record.headers().get("type")) && record.value().contains(orderId))
				.toList();
		assertThat(notifyConsumer).hasSize(1);
		for (int copy = 0; copy < 2; copy++) {
			kafka.publish("kitchen.commands", createTicket);
			kafka.publish("order.replies", ticketCreated);
			kafka.publish("consumer.commands", notifyConsumer.get(0));
		}
		await().atMost(RECOVERY).pollInterval(POLL).until(() -> kafka.caughtUp("kitchen-service", "kitchen.commands")
				&& kafka.caughtUp("order-service", "order.replies") && kafka.caughtUp("consumer-service", "consumer.commands"));

		var tally = outcomes.assertExactlyOnce(orders);
		assertThat(kafka.readAll("order.replies").stream().filter(record -> orderId.equals(record.key()))
				.map(record -> record.headers().get("id")).distinct()).as("kitchen replies, by message id").hasSize(1);
		row.finish(1, tally, -1, "CreateTicket, TicketCreated and NotifyConsumer each sent twice more; all consumed, "
				+ "none applied, none dead-lettered");
	}

	@Test
	@DisplayName("9. 16 concurrent requests for the same ticket transition, twice")
	void concurrentTransitionsOfOneTicket() throws Exception {
		var placed = fixtures.placeOrder(consumerId, restaurantId, ONE_CURRY);
		var orderId = placed.json().get("orderId").asString();
		outcomes.awaitCompleted(List.of(orderId), System.nanoTime());
		var ticketId = admin.get("/api/v1/orders/" + orderId).json().get("ticketId").asString();

		var kitchen = fixtures.asKitchen(restaurantId);
		// The gateway's breaker for kitchen-service may still be open or half-open after the earlier faults (the
		// services were DOWN in Eureka while PostgreSQL restarted), and a half-open breaker lets only 3 calls
		// through: 16 at once would mostly meet "circuit open". This fault is about the ticket, not the breaker,
		// so ordinary reads close it first.
		await().atMost(RECOVERY).pollInterval(POLL).until(() -> IntStream.range(0, 3)
			.allMatch(read -> kitchen.get("/api/v1/tickets/" + ticketId).status() == 200));
		var readyBy = "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}";
		var acceptStatuses = race(kitchen, "/api/v1/tickets/" + ticketId + "/accept", readyBy);
		awaitOrderState(orderId, "ACCEPTED");
		var preparingStatuses = race(kitchen, "/api/v1/tickets/" + ticketId + "/preparing", null);
		awaitOrderState(orderId, "PREPARING");

		await().atMost(RECOVERY).pollInterval(POLL).until(() -> kafka.caughtUp("order-service", "ticket.events"));
		var ticketEvents = kafka.readAll("ticket.events").stream().filter(record -> ticketId.equals(record.key()))
				.map(record -> record.headers().get("type")).toList();
		assertThat(ticketEvents).as("ticket events").containsExactly("TicketAccepted", "TicketPreparationStarted");
		assertThat(admin.get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("PREPARING");
		row.finish(1, new Ledger.Tally(1, 0, 0, List.of()), -1,
				"accept: %s; preparing: %s; one event each, the order followed each once"
						.formatted(acceptStatuses, preparingStatuses));
	}

	/** Sends {@code threads} identical POSTs at once: exactly one may win, every other gets a 409 problem. */
	private static String race(ApiClient caller, String path, String body) throws InterruptedException {
		int threads = 16;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(threads);
		var responses = new ConcurrentLinkedQueue<ApiClient.Response>();
		for (int i = 0; i < threads; i++) {
			pool.execute(() -> {
				try {
					start.await();
					responses.add(caller.post(path, body));
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		assertThat(responses).hasSize(threads);
		assertThat(responses.stream().filter(response -> response.status() == 200)).as(path + " won").hasSize(1);
		assertThat(responses.stream().filter(response -> response.status() != 200)).as(path + " lost")
				.hasSize(threads - 1).allSatisfy(response -> assertProblem(response, 409));
		return "1×200, %d×409".formatted(threads - 1);
	}

	private static KafkaTopics.Record single(String topic, String orderId, String type) {
		var records = kafka.readAll(topic).stream()
				.filter(record -> orderId.equals(record.key()) && type.equals(record.headers().get("type"))).toList();
		assertThat(records).as(type + " records of " + orderId).hasSize(1);
		return records.get(0);
	}
}
