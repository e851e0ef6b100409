package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event-driven order lifecycle with every process running: outbox rows relayed by Debezium to
 * Kafka, handled by the other services, driven and observed only through the gateway and the topics.
 * The refusal paths need the kitchen to know something order-service does not know yet; stopping
 * the relay for a moment makes that window deterministic. Each step is taken by whom the access rules
 * name: the consumer orders and cancels, the restaurant's staff move the ticket, an admin sets up and
 * watches. The first class on the {@link SharedStack}: it starts it.
 */
@Order(SharedStack.FIRST)
class OrderLifecycleIT extends OrderSteps {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	@Order(1)
	void approvesAnOrderAndFollowsItsTicketToPickUp() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();
		var orderId = placedOrder(consumerId, restaurantId);

		var approved = awaitState(orderId, "APPROVED");
		var ticketId = approved.get("ticketId").asString();
		var ticket = ticketOf(orderId);
		assertThat(ticket.get("ticketId").asString()).isEqualTo(ticketId);
		assertThat(ticket.get("state").asString()).isEqualTo("AWAITING_ACCEPTANCE");

		var kitchen = fixtures.asKitchen(restaurantId);
		move(kitchen, ticketId, "accept", readyBy());
		awaitState(orderId, "ACCEPTED");
		move(kitchen, ticketId, "preparing", null);
		awaitState(orderId, "PREPARING");
		move(kitchen, ticketId, "ready", null);
		awaitState(orderId, "READY_FOR_PICKUP");
		move(kitchen, ticketId, "picked-up", null);
		awaitState(orderId, "PICKED_UP");

		// NotifyConsumer on approval and on ready-for-pickup, one-way over consumer.commands
		await().atMost(FLOW).untilAsserted(() -> assertThat(fixtures.asConsumer(consumerId)
				.get("/api/v1/consumers/" + consumerId + "/notifications").json().get("notifications").valueStream()
						.filter(notification -> orderId.equals(notification.get("orderId").asString())).count())
				.isGreaterThanOrEqualTo(2));

		var events = kafka.readAll("order.events").stream().filter(record -> orderId.equals(record.key())).toList();
		assertThat(events).extracting(record -> record.headers().get("type")).contains("OrderCreated", "OrderApproved");
		for (var record : events) {
			assertThat(UUID.fromString(record.headers().get("id"))).isNotNull();
			var value = JSON.readTree(record.value());
			assertThat(value.isObject()).as(record.value()).isTrue();
			assertThat(value.get("orderId").asString()).isEqualTo(orderId);
		}
	}

	@Test
	@Order(2)
	void cancelsAnApprovedOrderTogetherWithItsTicket() {
		var consumerId = fixtures.consumer("100.00");
		var orderId = placedOrder(consumerId, fixtures.restaurant());
		awaitState(orderId, "APPROVED");

		var cancel = fixtures.asConsumer(consumerId).post("/api/v1/orders/" + orderId + "/cancel", null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		assertThat(cancel.json().get("state").asString()).isEqualTo("CANCEL_PENDING");

		awaitState(orderId, "CANCELLED");
		assertThat(ticketOf(orderId).get("state").asString()).isEqualTo("CANCELLED");
	}

	@Test
	@Order(3)
	void rejectsAnOrderTheKitchenRefuses() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = new KnownToOrderService(fixtures, kafka, FLOW).restaurant();

		stack.stop(Component.CDC_RELAY);
		assertThat(fixtures.asKitchen(restaurantId).post("/api/v1/restaurants/" + restaurantId + "/close", null).status())
				.isEqualTo(200);
		// order-service's replica still says "open": the order is accepted and the kitchen must refuse it
		var orderId = placedOrder(consumerId, restaurantId);
		stack.start(Component.CDC_RELAY);

		var rejected = awaitState(orderId, "REJECTED");
		assertThat(rejected.get("rejectionReason").asString()).containsIgnoringCase("closed");
		assertThat(rejected.get("ticketId").isNull()).isTrue();
		assertThat(admin.get("/api/v1/tickets?orderId=" + orderId).json().size()).isZero();
	}

	@Test
	@Order(4)
	void keepsTheOrderWhenTheKitchenAlreadyStartedPreparing() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();
		var orderId = placedOrder(consumerId, restaurantId);
		var ticketId = awaitState(orderId, "APPROVED").get("ticketId").asString();
		var kitchen = fixtures.asKitchen(restaurantId);
		move(kitchen, ticketId, "accept", readyBy());
		awaitState(orderId, "ACCEPTED");

		stack.stop(Component.CDC_RELAY);
		move(kitchen, ticketId, "preparing", null);
		var cancel = fixtures.asConsumer(consumerId).post("/api/v1/orders/" + orderId + "/cancel", null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		stack.start(Component.CDC_RELAY);

		await().atMost(FLOW).untilAsserted(() -> assertThat(kafka.readAll("order.events").stream()
				.filter(record -> orderId.equals(record.key())).map(record -> record.headers().get("type")))
				.contains("OrderCancellationRequested", "OrderCancellationRejected"));
		awaitState(orderId, "PREPARING");
		assertThat(ticketOf(orderId).get("state").asString()).isEqualTo("PREPARING");
	}

	/**
	 * W3C trace context end to end: the trace a client starts at the gateway is the trace of every
	 * message about its order, across the outbox, the relay, Kafka, the kitchen and the reply.
	 */
	@Test
	@Order(6)
	void carriesTheClientsTraceThroughEveryMessageOfTheOrder() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();
		var traceId = UUID.randomUUID().toString().replace("-", "");
		var placed = fixtures.asConsumer(consumerId).post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": %s}""".formatted(consumerId, restaurantId, ONE_CURRY),
				Map.of("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01"));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		var orderId = placed.json().get("orderId").asString();
		awaitState(orderId, "APPROVED");
		await().atMost(FLOW).until(() -> kafka.readAll("consumer.commands").stream()
				.anyMatch(record -> record.value().contains(orderId)));

		var records = new ArrayList<KafkaTopics.Record>();
		for (var topic : List.of("order.events", "kitchen.commands", "order.replies")) {
			records.addAll(kafka.readAll(topic).stream().filter(record -> orderId.equals(record.key())).toList());
		}
		records.addAll(kafka.readAll("consumer.commands").stream().filter(record -> record.value().contains(orderId)).toList());
		assertThat(records).extracting(record -> record.headers().get("type"))
				.contains("OrderCreated", "CreateTicket", "TicketCreated", "OrderApproved", "NotifyConsumer");
		assertThat(records).allSatisfy(record -> assertThat(record.headers().get("traceparent"))
				.as(record.headers().get("type") + " traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"));
	}
}
