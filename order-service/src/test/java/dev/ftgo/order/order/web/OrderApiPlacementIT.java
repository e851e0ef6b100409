package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.TestTokens;

/** Placing an order through v1 over HTTP: priced from the restaurant's menu and validated with consumer-service. */
class OrderApiPlacementIT extends WithStubbedServices {

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
	void keepsTheNameAndPriceAtOrderTime() {
		var restaurantId = givenRestaurant();
		var orderId = placeOrder(me, restaurantId);
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry Deluxe", "price": {"amount": "99.00", "currency": "USD"}}]}"""
			.formatted(restaurantId));

		var order = asAdmin().get("/api/v1/orders/" + orderId).json();

		assertThat(order.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
	}

	@Test
	void acceptsTheLargestQuantity() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1000}]}"""
			.formatted(me, givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
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
	void answers502WhenTheKitchenBreaksItsContract() {
		var restaurantId = givenMenu("X", """
				[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "-1.00", "currency": "USD"}}]""");

		assertProblem(asMe().post("/api/v1/orders", orderJson(me, restaurantId)), 502);
	}
}
