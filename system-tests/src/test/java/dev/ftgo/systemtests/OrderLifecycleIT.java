package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event-driven order lifecycle with every process running: outbox rows relayed by Debezium to
 * Kafka, handled by the other services, driven and observed only through the gateway and the topics.
 * The refusal paths need the kitchen to know something order-service does not know yet; stopping
 * the relay for a moment makes that window deterministic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderLifecycleIT {

	private static final Duration FLOW = Duration.ofSeconds(60);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";

	private static Stack stack;
	private static ApiClient gateway;
	private static Fixtures fixtures;
	private static KafkaTopics kafka;

	@BeforeAll
	static void startStack() {
		stack = SystemStack.start("lifecycle");
		gateway = new ApiClient(stack.ports().gateway());
		fixtures = new Fixtures(gateway);
		kafka = new KafkaTopics("127.0.0.1:" + stack.ports().kafka());
	}

	@AfterAll
	static void stopStack() {
		if (kafka != null) {
			kafka.close();
		}
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void approvesAnOrderAndFollowsItsTicketToPickUp() {
		var consumerId = fixtures.consumer("100.00");
		var orderId = placedOrder(consumerId, fixtures.restaurant());

		var approved = awaitState(orderId, "APPROVED");
		var ticketId = approved.get("ticketId").asString();
		var ticket = ticketOf(orderId);
		assertThat(ticket.get("ticketId").asString()).isEqualTo(ticketId);
		assertThat(ticket.get("state").asString()).isEqualTo("AWAITING_ACCEPTANCE");

		move(ticketId, "accept", "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}");
		awaitState(orderId, "ACCEPTED");
		move(ticketId, "preparing", null);
		awaitState(orderId, "PREPARING");
		move(ticketId, "ready", null);
		awaitState(orderId, "READY_FOR_PICKUP");
		move(ticketId, "picked-up", null);
		awaitState(orderId, "PICKED_UP");

		// NotifyConsumer on approval and on ready-for-pickup, one-way over consumer.commands
		await().atMost(FLOW).untilAsserted(() -> assertThat(
				gateway.get("/api/v1/consumers/" + consumerId + "/notifications").json().get("notifications").valueStream()
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
		var orderId = placedOrder(fixtures.consumer("100.00"), fixtures.restaurant());
		awaitState(orderId, "APPROVED");

		var cancel = gateway.post("/api/v1/orders/" + orderId + "/cancel", null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		assertThat(cancel.json().get("state").asString()).isEqualTo("CANCEL_PENDING");

		awaitState(orderId, "CANCELLED");
		assertThat(ticketOf(orderId).get("state").asString()).isEqualTo("CANCELLED");
	}

	@Test
	@Order(3)
	void rejectsAnOrderTheKitchenRefuses() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = restaurantKnownToOrderService();

		stack.stop(Component.CDC_RELAY);
		assertThat(gateway.post("/api/v1/restaurants/" + restaurantId + "/close", null).status()).isEqualTo(200);
		// order-service's replica still says "open": the order is accepted and the kitchen must refuse it
		var orderId = placedOrder(consumerId, restaurantId);
		stack.start(Component.CDC_RELAY);

		var rejected = awaitState(orderId, "REJECTED");
		assertThat(rejected.get("rejectionReason").asString()).containsIgnoringCase("closed");
		assertThat(rejected.get("ticketId").isNull()).isTrue();
		assertThat(gateway.get("/api/v1/tickets?orderId=" + orderId).json().size()).isZero();
	}

	@Test
	@Order(4)
	void keepsTheOrderWhenTheKitchenAlreadyStartedPreparing() {
		var orderId = placedOrder(fixtures.consumer("100.00"), fixtures.restaurant());
		var ticketId = awaitState(orderId, "APPROVED").get("ticketId").asString();
		move(ticketId, "accept", "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}");
		awaitState(orderId, "ACCEPTED");

		stack.stop(Component.CDC_RELAY);
		move(ticketId, "preparing", null);
		var cancel = gateway.post("/api/v1/orders/" + orderId + "/cancel", null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		stack.start(Component.CDC_RELAY);

		await().atMost(FLOW).untilAsserted(() -> assertThat(kafka.readAll("order.events").stream()
				.filter(record -> orderId.equals(record.key())).map(record -> record.headers().get("type")))
				.contains("OrderCancellationRequested", "OrderCancellationRejected"));
		awaitState(orderId, "PREPARING");
		assertThat(ticketOf(orderId).get("state").asString()).isEqualTo("PREPARING");
	}

	/** The v1 representations of DESIGN.md §4, field by field, as a client of the gateway sees them. */
	@Test
	@Order(5)
	void speaksTheV1ContractThroughTheGateway() {
		var consumerCreated = gateway.post("/api/v1/consumers", """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com", "nickname": "ignored"}""");
		assertThat(consumerCreated.status()).as(consumerCreated.toString()).isEqualTo(201);
		assertFields(consumerCreated.json(), "consumerId");
		var consumerId = consumerCreated.json().get("consumerId").asString();
		assertThat(consumerCreated.header("Location")).isEqualTo("/api/v1/consumers/" + consumerId);
		var consumer = gateway.get("/api/v1/consumers/" + consumerId).json();
		assertFields(consumer, "consumerId", "name", "email", "orderLimit", "status");
		assertFields(consumer.get("name"), "firstName", "lastName");
		assertMoney(consumer.get("orderLimit"), "500.00", "USD");
		assertThat(consumer.get("status").asString()).isEqualTo("ACTIVE");

		var validation = "/api/v1/consumers/" + consumerId + "/order-validations";
		var approved = gateway.post(validation, "{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}");
		assertThat(approved.status()).isEqualTo(200);
		assertFields(approved.json(), "approved");
		var refused = gateway.post(validation, "{\"orderTotal\": {\"amount\": \"999.00\", \"currency\": \"USD\"}}").json();
		assertFields(refused, "approved", "reason");
		assertThat(refused.get("approved").asBoolean()).isFalse();
		assertProblem(gateway.post("/api/v1/consumers/" + UUID.randomUUID() + "/order-validations",
				"{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"), 404);

		var restaurantCreated = gateway.post("/api/v1/restaurants", """
				{"name": "Ajanta", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.5", "currency": "USD"}}]}""");
		assertThat(restaurantCreated.status()).as(restaurantCreated.toString()).isEqualTo(201);
		assertFields(restaurantCreated.json(), "restaurantId");
		var restaurantId = restaurantCreated.json().get("restaurantId").asString();
		assertThat(restaurantCreated.header("Location")).isEqualTo("/api/v1/restaurants/" + restaurantId);
		var restaurant = gateway.get("/api/v1/restaurants/" + restaurantId).json();
		assertFields(restaurant, "restaurantId", "name", "open", "menu");
		assertFields(restaurant.at("/menu/0"), "menuItemId", "name", "price");
		assertMoney(restaurant.at("/menu/0/price"), "12.50", "USD");

		var placed = fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 2}]");
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertFields(placed.json(), "orderId", "state");
		var orderId = placed.json().get("orderId").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
		var order = awaitState(orderId, "APPROVED");
		// deliveryAddress is the one addition to §4's list (it is accepted on POST, so it is returned)
		assertFields(order, "orderId", "consumerId", "restaurantId", "state", "lineItems", "orderTotal", "ticketId",
				"rejectionReason", "deliveryAddress", "createdAt", "version");
		assertFields(order.at("/lineItems/0"), "menuItemId", "name", "quantity", "price");
		assertMoney(order.get("orderTotal"), "25.00", "USD");
		assertThat(Instant.parse(order.get("createdAt").asString())).isBefore(Instant.now());
		assertThat(order.get("rejectionReason").isNull()).isTrue();

		var page = gateway.get("/api/v1/orders?consumerId=" + consumerId + "&page=0&size=20").json();
		assertFields(page, "content", "page", "size", "totalElements", "totalPages");
		assertThat(page.at("/content/0/orderId").asString()).isEqualTo(orderId);

		var ticket = ticketOf(orderId);
		assertFields(ticket, "ticketId", "orderId", "restaurantId", "state", "lineItems", "readyBy");
		assertThat(ticket.get("ticketId").asString()).isEqualTo(order.get("ticketId").asString());

		await().atMost(FLOW).until(() -> gateway.get("/api/v1/consumers/" + consumerId + "/notifications").json()
				.get("notifications").size() > 0);
		var notification = gateway.get("/api/v1/consumers/" + consumerId + "/notifications").json().at("/notifications/0");
		assertFields(notification, "notificationId", "orderId", "subject", "message", "receivedAt");

		var invalid = gateway.post("/api/v1/consumers", "{\"name\": {\"firstName\": \"\"}, \"email\": \"no\"}");
		assertProblem(invalid, 400);
		assertThat(invalid.json().get("errors").size()).isPositive();
		assertFields(invalid.json().at("/errors/0"), "field", "message");

		move(ticket.get("ticketId").asString(), "accept", "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}");
		move(ticket.get("ticketId").asString(), "preparing", null);
		awaitState(orderId, "PREPARING");
		assertProblem(gateway.post("/api/v1/orders/" + orderId + "/cancel", null), 409);
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
		var placed = gateway.post("/api/v1/orders", """
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

	private static String placedOrder(String consumerId, String restaurantId) {
		var placed = fixtures.placeOrder(consumerId, restaurantId, ONE_CURRY);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.json().get("orderId").asString();
	}

	/** A new restaurant whose RestaurantCreated event order-service has consumed into its replica. */
	private static String restaurantKnownToOrderService() {
		long before = kafka.endOffset("restaurant.events");
		var restaurantId = fixtures.restaurant();
		await().atMost(FLOW).until(() -> kafka.endOffset("restaurant.events") > before
				&& kafka.caughtUp("order-service", "restaurant.events"));
		return restaurantId;
	}

	private static JsonNode awaitState(String orderId, String state) {
		var last = new JsonNode[1];
		await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			last[0] = gateway.get("/api/v1/orders/" + orderId).json();
			assertThat(last[0].get("state").asString()).as(last[0].toString()).isEqualTo(state);
		});
		return last[0];
	}

	private static void assertFields(JsonNode node, String... names) {
		assertThat(node.properties().stream().map(Map.Entry::getKey)).as(node.toString()).containsExactlyInAnyOrder(names);
	}

	private static void assertMoney(JsonNode money, String amount, String currency) {
		assertFields(money, "amount", "currency");
		assertThat(money.get("amount").isString()).as("amount is a decimal string: " + money).isTrue();
		assertThat(money.get("amount").asString()).isEqualTo(amount);
		assertThat(money.get("currency").asString()).isEqualTo(currency);
	}

	/** RFC 9457: status, title and detail, served as application/problem+json. */
	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

	private static JsonNode ticketOf(String orderId) {
		var tickets = gateway.get("/api/v1/tickets?orderId=" + orderId).json();
		assertThat(tickets.size()).as(tickets.toString()).isEqualTo(1);
		return tickets.get(0);
	}

	private static void move(String ticketId, String transition, String body) {
		var response = gateway.post("/api/v1/tickets/" + ticketId + "/" + transition, body == null ? null : body);
		assertThat(response.status()).as(transition + ": " + response).isEqualTo(200);
	}
}
