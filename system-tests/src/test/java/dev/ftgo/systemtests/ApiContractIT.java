package dev.ftgo.systemtests;

import static dev.ftgo.systemtests.ApiAssertions.assertFields;
import static dev.ftgo.systemtests.ApiAssertions.assertMinorUnits;
import static dev.ftgo.systemtests.ApiAssertions.assertMoney;
import static dev.ftgo.systemtests.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The HTTP API a client of the gateway sees, on the {@link SharedStack} with every service running: the v1
 * representations of docs/http-api.md field by field, v2 as a second representation of the same orders, and an
 * order composed at the gateway with the parts other services own.
 */
@Order(SharedStack.FIRST + 2)
class ApiContractIT extends OrderSteps {

	/** The v1 representations of docs/http-api.md, field by field, as a client of the gateway sees them. */
	@Test
	@Order(5)
	void speaksTheV1ContractThroughTheGateway() {
		var consumerCreated = admin.post("/api/v1/consumers", """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com", "nickname": "ignored"}""");
		assertThat(consumerCreated.status()).as(consumerCreated.toString()).isEqualTo(201);
		assertFields(consumerCreated.json(), "consumerId");
		var consumerId = consumerCreated.json().get("consumerId").asString();
		assertThat(consumerCreated.header("Location")).isEqualTo("/api/v1/consumers/" + consumerId);
		var asConsumer = fixtures.asConsumer(consumerId);
		var consumer = asConsumer.get("/api/v1/consumers/" + consumerId).json();
		assertFields(consumer, "consumerId", "name", "email", "orderLimit", "status");
		assertFields(consumer.get("name"), "firstName", "lastName");
		assertMoney(consumer.get("orderLimit"), "500.00", "USD");
		assertThat(consumer.get("status").asString()).isEqualTo("ACTIVE");

		var validation = "/api/v1/consumers/" + consumerId + "/order-validations";
		var approved = asConsumer.post(validation, "{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}");
		assertThat(approved.status()).isEqualTo(200);
		assertFields(approved.json(), "approved");
		var refused = asConsumer.post(validation, "{\"orderTotal\": {\"amount\": \"999.00\", \"currency\": \"USD\"}}").json();
		assertFields(refused, "approved", "reason");
		assertThat(refused.get("approved").asBoolean()).isFalse();
		assertProblem(admin.post("/api/v1/consumers/" + UUID.randomUUID() + "/order-validations",
				"{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"), 404);

		var restaurantCreated = admin.post("/api/v1/restaurants", """
				{"name": "Ajanta", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.5", "currency": "USD"}}]}""");
		assertThat(restaurantCreated.status()).as(restaurantCreated.toString()).isEqualTo(201);
		assertFields(restaurantCreated.json(), "restaurantId");
		var restaurantId = restaurantCreated.json().get("restaurantId").asString();
		assertThat(restaurantCreated.header("Location")).isEqualTo("/api/v1/restaurants/" + restaurantId);
		var restaurant = asConsumer.get("/api/v1/restaurants/" + restaurantId).json();
		assertFields(restaurant, "restaurantId", "name", "open", "menu");
		assertFields(restaurant.at("/menu/0"), "menuItemId", "name", "price");
		assertMoney(restaurant.at("/menu/0/price"), "12.50", "USD");

		var placed = fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 2}]");
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertFields(placed.json(), "orderId", "state");
		var orderId = placed.json().get("orderId").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
		var order = awaitState(orderId, "APPROVED");
		// deliveryAddress is returned because POST accepts it
		assertFields(order, "orderId", "consumerId", "restaurantId", "state", "lineItems", "orderTotal", "ticketId",
				"rejectionReason", "deliveryAddress", "createdAt", "version");
		assertFields(order.at("/lineItems/0"), "menuItemId", "name", "quantity", "price");
		assertMoney(order.get("orderTotal"), "25.00", "USD");
		assertThat(Instant.parse(order.get("createdAt").asString())).isBefore(Instant.now());
		assertThat(order.get("rejectionReason").isNull()).isTrue();

		var page = asConsumer.get("/api/v1/orders?consumerId=" + consumerId + "&page=0&size=20").json();
		assertFields(page, "content", "page", "size", "totalElements", "totalPages");
		assertThat(page.at("/content/0/orderId").asString()).isEqualTo(orderId);

		var ticket = ticketOf(orderId);
		assertFields(ticket, "ticketId", "orderId", "restaurantId", "state", "lineItems", "readyBy");
		assertThat(ticket.get("ticketId").asString()).isEqualTo(order.get("ticketId").asString());

		await().atMost(FLOW).until(() -> asConsumer.get("/api/v1/consumers/" + consumerId + "/notifications").json()
				.get("notifications").size() > 0);
		var notification = asConsumer.get("/api/v1/consumers/" + consumerId + "/notifications").json().at("/notifications/0");
		assertFields(notification, "notificationId", "orderId", "subject", "message", "receivedAt");

		var invalid = admin.post("/api/v1/consumers", "{\"name\": {\"firstName\": \"\"}, \"email\": \"no\"}");
		assertProblem(invalid, 400);
		assertThat(invalid.json().get("errors").size()).isPositive();
		assertFields(invalid.json().at("/errors/0"), "field", "message");

		var kitchen = fixtures.asKitchen(restaurantId);
		move(kitchen, ticket.get("ticketId").asString(), "accept", readyBy());
		move(kitchen, ticket.get("ticketId").asString(), "preparing", null);
		awaitState(orderId, "PREPARING");
		assertProblem(asConsumer.post("/api/v1/orders/" + orderId + "/cancel", null), 409);
	}

	/** v2 is a second representation of the same orders: whatever one version placed, the other reads and cancels. */
	@Test
	@Order(7)
	void servesTheSameOrdersInV1AndV2() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();
		var consumer = fixtures.asConsumer(consumerId);

		var placedInV1 = placedOrder(consumerId, restaurantId);
		awaitState(placedInV1, "APPROVED");
		var asV2 = consumer.get("/api/v2/orders/" + placedInV1);
		assertThat(asV2.status()).as(asV2.toString()).isEqualTo(200);
		assertFields(asV2.json(), "orderId", "consumerId", "restaurantId", "status", "items", "orderTotal", "ticketId",
				"rejectionReason", "deliveryAddress", "createdAt", "version");
		assertThat(asV2.json().get("status").asString()).isEqualTo("APPROVED");
		assertFields(asV2.json().at("/items/0"), "menuItemId", "name", "quantity", "price");
		assertMinorUnits(asV2.json().at("/items/0/price"), 1250, "USD");
		assertMinorUnits(asV2.json().get("orderTotal"), 1250, "USD");

		var placedV2 = consumer.post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s",
				 "items": [{"menuItemId": "m1", "quantity": 2}, {"menuItemId": "m2", "quantity": 1}]}"""
				.formatted(consumerId, restaurantId));
		assertThat(placedV2.status()).as(placedV2.toString()).isEqualTo(201);
		assertFields(placedV2.json(), "orderId", "status");
		assertThat(placedV2.json().get("status").asString()).isEqualTo("APPROVAL_PENDING");
		var placedInV2 = placedV2.json().get("orderId").asString();
		assertThat(placedV2.header("Location")).isEqualTo("/api/v2/orders/" + placedInV2);
		var asV1 = awaitState(placedInV2, "APPROVED");
		assertMoney(asV1.get("orderTotal"), "28.00", "USD");
		assertThat(asV1.at("/lineItems/1/name").asString()).isEqualTo("Naan");
		assertMinorUnits(consumer.get("/api/v2/orders/" + placedInV2).json().get("orderTotal"), 2800, "USD");

		var pageV1 = consumer.get("/api/v1/orders?consumerId=" + consumerId).json();
		var pageV2 = consumer.get("/api/v2/orders?consumerId=" + consumerId).json();
		assertThat(orderIds(pageV1)).containsExactlyInAnyOrder(placedInV1, placedInV2).isEqualTo(orderIds(pageV2));
		assertThat(pageV2.at("/content/0/status").isString()).as(pageV2.toString()).isTrue();

		var cancel = consumer.post("/api/v2/orders/" + placedInV1 + "/cancel", null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
		assertThat(cancel.json().get("status").asString()).isEqualTo("CANCEL_PENDING");
		awaitState(placedInV1, "CANCELLED");
	}

	/** {@code ?expand=consumer,ticket}: the gateway composes the order with the two parts other services own. */
	@Test
	@Order(8)
	void composesAnOrderWithItsConsumerAndTicketAtTheGateway() {
		var consumerId = fixtures.consumer("100.00");
		var orderId = placedOrder(consumerId, fixtures.restaurant());
		var ticketId = awaitState(orderId, "APPROVED").get("ticketId").asString();

		for (var caller : List.of(fixtures.asConsumer(consumerId), admin)) {
			for (var version : List.of("v1", "v2")) {
				var composed = caller.get("/api/" + version + "/orders/" + orderId + "?expand=consumer,ticket");
				assertThat(composed.status()).as(composed.toString()).isEqualTo(200);
				var order = composed.json();
				assertThat(order.get("orderId").asString()).isEqualTo(orderId);
				assertThat(order.has(version.equals("v1") ? "state" : "status")).as(order.toString()).isTrue();
				assertThat(order.at("/consumer/consumerId").asString()).isEqualTo(consumerId);
				assertThat(order.at("/consumer/name/firstName").asString()).isEqualTo("Ada");
				assertThat(order.at("/ticket/ticketId").asString()).isEqualTo(ticketId);
				assertThat(order.at("/ticket/state").asString()).isEqualTo("AWAITING_ACCEPTANCE");
				assertThat(order.get("unavailable").isArray()).isTrue();
				assertThat(order.get("unavailable").size()).isZero();
			}
		}
		var consumerOnly = admin.get("/api/v1/orders/" + orderId + "?expand=consumer").json();
		assertThat(consumerOnly.has("consumer")).isTrue();
		assertThat(consumerOnly.has("ticket")).as("only the parts asked for").isFalse();
		assertProblem(admin.get("/api/v1/orders/" + orderId + "?expand=menu"), 400);
	}

	private static List<String> orderIds(JsonNode page) {
		return page.get("content").valueStream().map(order -> order.get("orderId").asString()).toList();
	}
}
