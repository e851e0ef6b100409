package dev.ftgo.order.order.web;

import static dev.ftgo.order.order.web.OrderProblems.assertRefused;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;

/**
 * The orders v1 refuses over HTTP with 422 and the reason: what the restaurant does not offer, a quantity out of
 * range, and what consumer-service refuses.
 */
class OrderApiRefusalIT extends WithStubbedServices {

	/** Asks to place an order for {@code consumerId}, whose validation consumer-service answers as given. */
	private ApiClient.Response placeValidatedAs(UUID consumerId, int status, String answer) {
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", status, answer);
		return postOrder(consumerId, givenRestaurant());
	}

	@Test
	void refusesAnUnknownRestaurant() {
		var response = asMe().post("/api/v1/orders", orderJson(me, UUID.randomUUID()));

		assertRefused(response, "UNKNOWN_RESTAURANT", "restaurantId");
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

		assertRefused(response, "UNKNOWN_MENU_ITEM", "lineItems[1].menuItemId");
		assertThat(response.json().get("detail").asString()).contains("'m9'");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001, 2_000_000_000 })
	void refusesQuantitiesOutOfRangeBeforeCallingAnyService(int quantity) {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": %d}]}"""
			.formatted(me, givenRestaurant(), quantity));

		assertRefused(response, "INVALID_QUANTITY", "lineItems[0].quantity");
		assertThat(KITCHEN.received()).isEmpty();
	}

	@Test
	void refusesAnOrderOverTheConsumersLimitAndStoresNothing() {
		var consumerId = UUID.randomUUID();

		var response = placeValidatedAs(consumerId, 200,
				"{\"approved\": false, \"reason\": \"Order total 31.75 USD exceeds the order limit of 20.00 USD\"}");

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("CONSUMER_REFUSED");
		assertThat(response.json().get("detail").asString()).contains("exceeds the order limit");
		assertThat(asConsumer(consumerId).get("/api/v1/orders?consumerId=" + consumerId).json().get("totalElements").asLong()).isZero();
	}

	@Test
	void refusesAnOrderOfASuspendedConsumer() {
		var response = placeValidatedAs(UUID.randomUUID(), 200,
				"{\"approved\": false, \"reason\": \"Consumer is suspended\"}");

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("suspended");
	}

	@Test
	void refusesAnOrderOfAnUnknownConsumer() {
		var response = placeValidatedAs(UUID.randomUUID(), 404, """
				{"type": "about:blank", "title": "Consumer not found", "status": 404, "detail": "No consumer"}""");

		assertRefused(response, "UNKNOWN_CONSUMER", "consumerId");
	}
}
