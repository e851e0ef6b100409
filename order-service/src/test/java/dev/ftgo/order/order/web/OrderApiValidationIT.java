package dev.ftgo.order.order.web;

import static dev.ftgo.order.order.web.OrderProblems.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.order.WithStubbedServices;

/** The requests to place an order that v1 refuses over HTTP with 400 or 415, naming every field it could not take. */
class OrderApiValidationIT extends WithStubbedServices {

	@Test
	void namesEveryInvalidField() {
		var response = asMe().post("/api/v1/orders", """
				{"lineItems": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(response,
				"consumerId,deliveryAddress,lineItems[0].menuItemId,lineItems[0].quantity,lineItems[1],restaurantId");
	}

	@Test
	void refusesAnOrderWithoutLines() {
		var response = asMe().post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": []}""".formatted(me, UUID.randomUUID()));

		assertInvalid(response, "lineItems");
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

		assertInvalid(response, "lineItems[0].quantity");
	}

	@Test
	void refusesAMissingBodyAndOtherContentTypes() {
		assertProblem(asMe().post("/api/v1/orders", null), 400);
		assertProblem(asMe().post("/api/v1/orders", "consumerId=1", "text/plain"), 415);
	}
}
