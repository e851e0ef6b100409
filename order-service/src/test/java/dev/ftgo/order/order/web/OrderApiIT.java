package dev.ftgo.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
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
import dev.ftgo.testsupport.OpenApiSnapshot;
import dev.ftgo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

class OrderApiIT extends WithStubbedServices {

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

	/** The consumer a test places orders for, unless it needs one of its own. */
	private final UUID me = UUID.randomUUID();

	private ApiClient asMe() {
		return asConsumer(me);
	}

	private String place(UUID consumerId, UUID restaurantId) {
		var response = asConsumer(consumerId).post("/api/v1/orders", orderJson(consumerId, restaurantId));
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
		var token = TestTokens.consumer(consumerId);

		var response = api().withToken(token).post("/api/v1/orders", orderJson(consumerId, restaurantId));

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
		// both services are asked with the caller's own token, to apply their rules to the same caller
		assertThat(validations.get(0).authorization()).isEqualTo("Bearer " + token);
		assertThat(KITCHEN.received()).singleElement()
			.satisfies(menu -> assertThat(menu.authorization()).isEqualTo("Bearer " + token));
	}

	@Test
	void readsAnOrderBackWithEveryFieldAndNullsPresent() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var orderId = place(consumerId, restaurantId);

		var response = asConsumer(consumerId).get("/api/v1/orders/" + orderId);

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
		var orderId = place(me, restaurantId);
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry Deluxe", "price": {"amount": "99.00", "currency": "USD"}}]}"""
			.formatted(restaurantId));

		var order = asAdmin().get("/api/v1/orders/" + orderId).json();

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
		place(me, restaurantId);

		var first = asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId + "&page=0&size=2").json();
		var second = asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId + "&page=1&size=2").json();

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

		var defaults = asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId).json();
		var capped = asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId + "&size=100000").json();
		var none = asAdmin().get("/api/v1/orders?consumerId=" + UUID.randomUUID()).json();

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
		assertProblem(asAdmin().get("/api/v1/orders" + query.replace("%s", UUID.randomUUID().toString())), 400);
	}

	@Test
	void namesTheBadPagingParameter() {
		var response = asAdmin().get("/api/v1/orders?consumerId=" + UUID.randomUUID() + "&page=-1&size=0");

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo("page,size");
	}

	@Test
	void refusesAnUnknownRestaurant() {
		var response = asMe().post("/api/v1/orders", orderJson(me, UUID.randomUUID()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_RESTAURANT");
		assertThat(fields(response)).isEqualTo("restaurantId");
		assertThat(CONSUMERS.received()).isEmpty();
	}

	@Test
	void refusesAClosedRestaurant() {
		var response = asMe().post("/api/v1/orders", orderJson(me, givenRestaurant(false)));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("RESTAURANT_CLOSED");
		assertThat(response.json().get("detail").asString()).contains("closed");
	}

	@Test
	void refusesAnUnknownMenuItem() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s",
				 "lineItems": [{"menuItemId": "m1", "quantity": 1}, {"menuItemId": "m9", "quantity": 1}]}"""
			.formatted(me, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_MENU_ITEM");
		assertThat(response.json().get("detail").asString()).contains("'m9'");
		assertThat(fields(response)).isEqualTo("lineItems[1].menuItemId");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001, 2_000_000_000 })
	void refusesQuantitiesOutOfRangeBeforeCallingAnyService(int quantity) {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": %d}]}"""
			.formatted(me, givenRestaurant(), quantity));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("INVALID_QUANTITY");
		assertThat(fields(response)).isEqualTo("lineItems[0].quantity");
		assertThat(KITCHEN.received()).isEmpty();
	}

	@Test
	void acceptsTheLargestQuantity() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1000}]}"""
			.formatted(me, givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void refusesAnOrderOverTheConsumersLimitAndStoresNothing() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Order total 31.75 USD exceeds the order limit of 20.00 USD\"}");

		var response = asConsumer(consumerId).post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("CONSUMER_REFUSED");
		assertThat(response.json().get("detail").asString()).contains("exceeds the order limit");
		assertThat(asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId).json().get("totalElements").asLong()).isZero();
	}

	@Test
	void refusesAnOrderOfASuspendedConsumer() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Consumer is suspended\"}");

		var response = asConsumer(consumerId).post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("suspended");
	}

	@Test
	void refusesAnOrderOfAnUnknownConsumer() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 404, """
				{"type": "about:blank", "title": "Consumer not found", "status": 404, "detail": "No consumer"}""");

		var response = asConsumer(consumerId).post("/api/v1/orders", orderJson(consumerId, givenRestaurant()));

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

		assertProblem(asMe().post("/api/v1/orders", orderJson(me, restaurantId)), 502);
	}

	@Test
	void ignoresUnknownFields() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "tip": {"amount": "5.00"},
				 "lineItems": [{"menuItemId": "m1", "quantity": 1, "spicy": true}]}"""
			.formatted(me, givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void namesEveryInvalidField() {
		var response = asMe().post("/api/v1/orders", """
				{"lineItems": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo(
				"consumerId,deliveryAddress,lineItems[0].menuItemId,lineItems[0].quantity,lineItems[1],restaurantId");
	}

	@Test
	void refusesAnOrderWithoutLines() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": []}""".formatted(me, UUID.randomUUID()));

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
		assertProblem(asMe().post("/api/v1/orders", body), 400);
	}

	@Test
	void namesTheFieldOfTheWrongType() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2.5}]}"""
			.formatted(me, UUID.randomUUID()));

		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo("lineItems[0].quantity");
	}

	@Test
	void refusesAMissingBodyAndOtherContentTypes() {
		assertProblem(asMe().post("/api/v1/orders", null), 400);
		assertProblem(asMe().post("/api/v1/orders", "consumerId=1", "text/plain"), 415);
	}

	@Test
	void answersUnknownAndMalformedOrderIds() {
		assertProblem(asAdmin().get("/api/v1/orders/" + UUID.randomUUID()), 404);
		assertProblem(asMe().post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null), 404);
		assertProblem(asAdmin().get("/api/v1/orders/not-a-uuid"), 400);
		assertProblem(asAdmin().get("/api/v1/nothing-here"), 404);
	}

	@Test
	void refusesToCancelAnOrderAwaitingApproval() {
		var orderId = place(me, givenRestaurant());

		var response = asMe().post("/api/v1/orders/" + orderId + "/cancel", null);

		assertProblem(response, 409);
		assertThat(response.json().get("detail").asString()).contains("APPROVAL_PENDING");
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
	}

	@Test
	void cancelsAnApprovedOrderOnce() {
		var orderId = place(me, givenRestaurant());
		approve(orderId);

		var response = asMe().post("/api/v1/orders/" + orderId + "/cancel", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.json().get("state").asString()).isEqualTo("CANCEL_PENDING");
		assertThat(response.json().get("ticketId").isNull()).isFalse();
		assertThat(response.json().get("version").asLong()).isEqualTo(2);
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("CANCEL_PENDING");
		assertProblem(asMe().post("/api/v1/orders/" + orderId + "/cancel", null), 409);
	}

	@Test
	void concurrentCancellationsLetExactlyOneWin() throws Exception {
		var orderId = place(me, givenRestaurant());
		approve(orderId);
		int requests = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 0; i < requests; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					return asMe().post("/api/v1/orders/" + orderId + "/cancel", null).status();
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
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("version").asLong()).isEqualTo(2);
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
	void publishesOneOpenApiDocumentPerVersionAndOneWithAll() {
		var v1 = api().get("/v3/api-docs/v1").json();
		var v2 = api().get("/v3/api-docs/v2").json();
		var all = api().get("/v3/api-docs");

		assertThat(v1.get("openapi").asString()).startsWith("3.");
		assertThat(v1.at("/info/version").asString()).isEqualTo("1.x");
		assertThat(v1.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"))
			.contains("/api/v1/orders", "/api/v1/orders/{orderId}", "/api/v1/orders/{orderId}/cancel");
		assertThat(v2.at("/info/version").asString()).isEqualTo("2.x");
		assertThat(v2.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v2/"))
			.contains("/api/v2/orders", "/api/v2/orders/{orderId}", "/api/v2/orders/{orderId}/cancel");
		// the gateway's Swagger UI shows this one: every version
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().at("/info/title").asString()).isEqualTo("FTGO order-service API");
		assertThat(all.json().get("paths").propertyNames()).containsAll(v1.get("paths").propertyNames())
			.containsAll(v2.get("paths").propertyNames());
	}

	@Test
	void documentsErrorsAsProblemJson() {
		var v2 = api().get("/v3/api-docs/v2").json();

		var place = v2.at("/paths/~1api~1v2~1orders/post/responses");
		assertThat(place.propertyNames()).contains("201", "400", "422");
		assertThat(place.at("/422/content").has("application/problem+json")).isTrue();
		assertThat(place.at("/201/headers").propertyNames()).contains("Location", "Idempotent-Replayed");
		assertThat(v2.at("/paths/~1api~1v2~1orders~1{orderId}~1cancel/post/responses").propertyNames())
			.contains("202", "404", "409");
	}

	@Test
	void documentsTheBearerTokenAndWhoMayCallEachOperation() {
		for (var version : new String[] { "v1", "v2" }) {
			var document = api().get("/v3/api-docs/" + version).json();

			assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");
			assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
			assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asString()).isEqualTo("JWT");
			assertThat(document.get("security").valueStream().map(requirement -> requirement.has("bearerAuth")))
				.containsExactly(true);
			document.get("paths").forEach(path -> path.forEach(operation -> {
				var name = version + " " + operation.get("operationId").asString();
				assertThat(operation.get("description").asString()).as(name).isNotBlank();
				assertThat(operation.get("responses").propertyNames()).as(name).contains("401", "403");
				for (var status : new String[] { "401", "403" }) {
					assertThat(operation.at("/responses/" + status + "/content").has("application/problem+json"))
						.as(name + " " + status).isTrue();
				}
			}));
		}
	}

	@Test
	void v1DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v1"),
				Path.of("../docs/openapi/order-service-v1.json"));
	}

	@Test
	void v2DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v2"),
				Path.of("../docs/openapi/order-service-v2.json"));
	}
}
