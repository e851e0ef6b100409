package dev.ftgo.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.order.order.Orders;
import dev.ftgo.order.order.TicketId;
import dev.ftgo.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

class OrderApiIT extends WithStubbedServices {

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

	private String place(UUID consumerId, UUID restaurantId) {
		var response = api().post("/api/v1/orders", orderJson(consumerId, restaurantId));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("orderId").asString();
	}

	private static String fields(ApiClient.Response response) {
		return String.join(",", response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList());
	}

	/** Drives an order to APPROVED the way the later kitchen reply will: through the aggregate. */
	private void approve(String orderId) {
		transaction.executeWithoutResult(status -> orders.findById(UUID.fromString(orderId)).orElseThrow()
			.approve(new TicketId(UUID.randomUUID())));
	}

	@Test
	void placesAnOrderPricedFromTheRestaurantsMenu() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();

		var response = api().post("/api/v1/orders", orderJson(consumerId, restaurantId));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var orderId = response.json().get("orderId").asString();
		assertThat(UUID.fromString(orderId)).isNotNull();
		assertThat(response.json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(response.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
		// 2 x 12.50 + 3 x 2.25, validated with consumer-service for exactly this consumer
		var validations = CONSUMERS.received();
		assertThat(validations).hasSize(1);
		assertThat(validations.get(0).path()).isEqualTo("/api/v1/consumers/" + consumerId + "/order-validations");
		assertThat(validations.get(0).body()).contains("\"orderTotal\"").contains("\"amount\":\"31.75\"")
			.contains("\"currency\":\"USD\"");
	}

	@Test
	void readsAnOrderBackWithEveryFieldAndNullsPresent() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var orderId = place(consumerId, restaurantId);

		var response = api().get("/api/v1/orders/" + orderId);

		assertThat(response.status()).isEqualTo(200);
		JsonNode order = response.json();
		assertThat(order.get("orderId").asString()).isEqualTo(orderId);
		assertThat(order.get("consumerId").asString()).isEqualTo(consumerId.toString());
		assertThat(order.get("restaurantId").asString()).isEqualTo(restaurantId.toString());
		assertThat(order.get("state").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(order.get("lineItems")).hasSize(2);
		assertThat(order.at("/lineItems/0/menuItemId").asString()).isEqualTo("m1");
		assertThat(order.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(order.at("/lineItems/0/quantity").asInt()).isEqualTo(2);
		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
		assertThat(order.at("/lineItems/0/price/currency").asString()).isEqualTo("USD");
		assertThat(order.at("/lineItems/1/name").asString()).isEqualTo("Naan");
		assertThat(order.at("/lineItems/1/price/amount").asString()).isEqualTo("2.25");
		assertThat(order.at("/orderTotal/amount").asString()).isEqualTo("31.75");
		assertThat(order.at("/orderTotal/currency").asString()).isEqualTo("USD");
		assertThat(order.has("ticketId")).isTrue();
		assertThat(order.get("ticketId").isNull()).isTrue();
		assertThat(order.has("rejectionReason")).isTrue();
		assertThat(order.get("rejectionReason").isNull()).isTrue();
		assertThat(Instant.parse(order.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(order.get("version").asLong()).isZero();
	}

	@Test
	void keepsTheNameAndPriceAtOrderTime() {
		var restaurantId = givenRestaurant();
		var orderId = place(UUID.randomUUID(), restaurantId);
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry Deluxe", "price": {"amount": "99.00", "currency": "USD"}}]}"""
			.formatted(restaurantId));

		var order = api().get("/api/v1/orders/" + orderId).json();

		assertThat(order.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
	}

	@Test
	void listsAConsumersOrdersNewestFirstInPages() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var placed = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			placed.add(place(consumerId, restaurantId));
		}
		place(UUID.randomUUID(), restaurantId);

		var first = api().get("/api/v1/orders?consumerId=" + consumerId + "&page=0&size=2").json();
		var second = api().get("/api/v1/orders?consumerId=" + consumerId + "&page=1&size=2").json();

		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("totalElements").asLong()).isEqualTo(3);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(first.get("content").valueStream().map(o -> o.get("orderId").asString()))
			.containsExactly(placed.get(2), placed.get(1));
		assertThat(first.at("/content/0/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("content").valueStream().map(o -> o.get("orderId").asString()))
			.containsExactly(placed.get(0));
	}

	@Test
	void listsWithDefaultsAndCapsThePageSize() {
		var consumerId = UUID.randomUUID();
		place(consumerId, givenRestaurant());

		var defaults = api().get("/api/v1/orders?consumerId=" + consumerId).json();
		var capped = api().get("/api/v1/orders?consumerId=" + consumerId + "&size=100000").json();
		var none = api().get("/api/v1/orders?consumerId=" + UUID.randomUUID()).json();

		assertThat(defaults.get("page").asInt()).isZero();
		assertThat(defaults.get("size").asInt()).isEqualTo(20);
		assertThat(defaults.get("content")).hasSize(1);
		assertThat(capped.get("size").asInt()).isEqualTo(100);
		assertThat(none.get("content")).isEmpty();
		assertThat(none.get("totalElements").asLong()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?consumerId=", "?consumerId=not-a-uuid", "?consumerId=%s&size=0",
			"?consumerId=%s&page=-1", "?consumerId=%s&size=ten" })
	void refusesBadListings(String query) {
		assertProblem(api().get("/api/v1/orders" + query.replace("%s", UUID.randomUUID().toString())), 400);
	}

	@Test
	void namesTheBadPagingParameter() {
		var response = api().get("/api/v1/orders?consumerId=" + UUID.randomUUID() + "&page=-1&size=0");

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo("page,size");
	}

	@Test
	void refusesAnUnknownRestaurant() {
		var response = api().post("/api/v1/orders", orderJson(UUID.randomUUID(), UUID.randomUUID()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_RESTAURANT");
		assertThat(fields(response)).isEqualTo("restaurantId");
		assertThat(CONSUMERS.received()).isEmpty();
	}

	@Test
	void refusesAClosedRestaurant() {
		var response = api().post("/api/v1/orders", orderJson(UUID.randomUUID(), givenRestaurant(false)));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("RESTAURANT_CLOSED");
		assertThat(response.json().get("detail").asString()).contains("closed");
	}

	@Test
	void refusesAnUnknownMenuItem() {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s",
				 "lineItems": [{"menuItemId": "m1", "quantity": 1}, {"menuItemId": "m9", "quantity": 1}]}"""
			.formatted(UUID.randomUUID(), givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_MENU_ITEM");
		assertThat(response.json().get("detail").asString()).contains("'m9'");
		assertThat(fields(response)).isEqualTo("lineItems[1].menuItemId");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001, 2_000_000_000 })
	void refusesQuantitiesOutOfRangeBeforeCallingAnyService(int quantity) {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": %d}]}"""
			.formatted(UUID.randomUUID(), givenRestaurant(), quantity));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("INVALID_QUANTITY");
		assertThat(fields(response)).isEqualTo("lineItems[0].quantity");
		assertThat(KITCHEN.received()).isEmpty();
	}

	@Test
	void acceptsTheLargestQuantity() {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1000}]}"""
			.formatted(UUID.randomUUID(), givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void refusesAnOrderOverTheConsumersLimitAndStoresNothing() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Order total 31.75 USD exceeds the order limit of 20.00 USD\"}");

		var response = api().post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("CONSUMER_REFUSED");
		assertThat(response.json().get("detail").asString()).contains("exceeds the order limit");
		assertThat(api().get("/api/v1/orders?consumerId=" + consumerId).json().get("totalElements").asLong()).isZero();
	}

	@Test
	void refusesAnOrderOfASuspendedConsumer() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Consumer is suspended\"}");

		var response = api().post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("suspended");
	}

	@Test
	void refusesAnOrderOfAnUnknownConsumer() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 404, """
				{"type": "about:blank", "title": "Consumer not found", "status": 404, "detail": "No consumer"}""");

		var response = api().post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_CONSUMER");
		assertThat(fields(response)).isEqualTo("consumerId");
	}

	@Test
	void answers502WhenTheKitchenBreaksItsContract() {
		var restaurantId = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "X", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "-1.00", "currency": "USD"}}]}"""
			.formatted(restaurantId));

		assertProblem(api().post("/api/v1/orders", orderJson(UUID.randomUUID(), restaurantId)), 502);
	}

	@Test
	void ignoresUnknownFields() {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "tip": {"amount": "5.00"},
				 "lineItems": [{"menuItemId": "m1", "quantity": 1, "spicy": true}]}"""
			.formatted(UUID.randomUUID(), givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void namesEveryInvalidField() {
		var response = api().post("/api/v1/orders", """
				{"lineItems": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo(
				"consumerId,deliveryAddress,lineItems[0].menuItemId,lineItems[0].quantity,lineItems[1],restaurantId");
	}

	@Test
	void refusesAnOrderWithoutLines() {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": []}""".formatted(UUID.randomUUID(),
				UUID.randomUUID()));

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo("lineItems");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "{\"consumerId\": \"not-a-uuid\"}",
			"{\"consumerId\": 42}", "{\"lineItems\": {\"menuItemId\": \"m1\"}}",
			"{\"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": 2.5}]}",
			"{\"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": \"two\"}]}",
			"{\"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": 99999999999}]}" })
	void refusesMalformedBodies(String body) {
		assertProblem(api().post("/api/v1/orders", body), 400);
	}

	@Test
	void namesTheFieldOfTheWrongType() {
		var response = api().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2.5}]}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID()));

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo("lineItems[0].quantity");
	}

	@Test
	void refusesAMissingBodyAndOtherContentTypes() {
		assertProblem(api().post("/api/v1/orders", null), 400);
		assertProblem(api().post("/api/v1/orders", "consumerId=1", "text/plain"), 415);
	}

	@Test
	void answersUnknownAndMalformedOrderIds() {
		assertProblem(api().get("/api/v1/orders/" + UUID.randomUUID()), 404);
		assertProblem(api().post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null), 404);
		assertProblem(api().get("/api/v1/orders/not-a-uuid"), 400);
		assertProblem(api().get("/api/v1/nothing-here"), 404);
	}

	@Test
	void refusesToCancelAnOrderAwaitingApproval() {
		var orderId = place(UUID.randomUUID(), givenRestaurant());

		var response = api().post("/api/v1/orders/" + orderId + "/cancel", null);

		assertProblem(response, 409);
		assertThat(response.json().get("detail").asString()).contains("APPROVAL_PENDING");
		assertThat(api().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
	}

	@Test
	void cancelsAnApprovedOrderOnce() {
		var orderId = place(UUID.randomUUID(), givenRestaurant());
		approve(orderId);

		var response = api().post("/api/v1/orders/" + orderId + "/cancel", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.json().get("state").asString()).isEqualTo("CANCEL_PENDING");
		assertThat(response.json().get("ticketId").isNull()).isFalse();
		assertThat(response.json().get("version").asLong()).isEqualTo(2);
		assertThat(api().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("CANCEL_PENDING");
		assertProblem(api().post("/api/v1/orders/" + orderId + "/cancel", null), 409);
	}

	@Test
	void concurrentCancellationsLetExactlyOneWin() throws Exception {
		var orderId = place(UUID.randomUUID(), givenRestaurant());
		approve(orderId);
		int requests = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 0; i < requests; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return api().post("/api/v1/orders/" + orderId + "/cancel", null).status();
				}, pool));
			}
			start.countDown();
			var statuses = answers.stream().map(CompletableFuture::join).toList();

			assertThat(statuses).containsOnly(202, 409);
			assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(api().get("/api/v1/orders/" + orderId).json().get("version").asLong()).isEqualTo(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void publishesItsOpenApiDocument() {
		var document = api().get("/v3/api-docs");

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("openapi").asString()).startsWith("3.");
		assertThat(document.json().get("paths").has("/api/v1/orders/{orderId}")).isTrue();
	}
}
