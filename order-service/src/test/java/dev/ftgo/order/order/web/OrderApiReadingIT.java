package dev.ftgo.order.order.web;

import static dev.ftgo.order.order.web.OrderProblems.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.order.WithStubbedServices;

import tools.jackson.databind.JsonNode;

/** Reading an order and listing a consumer's orders in pages through v1 over HTTP, and what it refuses to look up. */
class OrderApiReadingIT extends WithStubbedServices {

	@Test
	void readsAnOrderBackWithEveryFieldAndNullsPresent() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var orderId = placeOrder(consumerId, restaurantId).toString();

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
	void listsAConsumersOrdersNewestFirstInPages() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var placed = new ArrayList<String>();
		for (int i = 0; i < 3; i++) {
			placed.add(placeOrder(consumerId, restaurantId).toString());
		}
		placeOrder(me, restaurantId);

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
		placeOrder(consumerId, givenRestaurant());

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

		assertInvalid(response, "page,size");
	}

	@Test
	void answersUnknownAndMalformedOrderIds() {
		assertProblem(asAdmin().get("/api/v1/orders/" + UUID.randomUUID()), 404);
		assertProblem(asMe().post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null), 404);
		assertProblem(asAdmin().get("/api/v1/orders/not-a-uuid"), 400);
		assertProblem(asAdmin().get("/api/v1/nothing-here"), 404);
	}
}
