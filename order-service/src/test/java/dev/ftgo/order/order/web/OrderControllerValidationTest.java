package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderRefusedException.Reason;

/**
 * What v1 refuses before the application service is asked: every invalid field named, and a body that is no JSON
 * object or has a value of the wrong type. The range of a quantity is the domain's to check.
 */
class OrderControllerValidationTest extends OrderControllerSlice {

	OrderControllerValidationTest() {
		super("/api/v1/orders", "lineItems");
	}

	@Test
	void namesEveryInvalidFieldOfAnOrder() {
		var result = place("""
				{"lineItems": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(result, "consumerId", "deliveryAddress", "lineItems[0].menuItemId", "lineItems[0].quantity",
				"lineItems[1]", "restaurantId");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesOrderWithoutLineItems() {
		assertInvalid(place(orderWithLines("")), "lineItems");
		assertInvalid(place("{\"consumerId\": \"%s\", \"restaurantId\": \"%s\"}".formatted(CONSUMER, RESTAURANT)),
				"lineItems");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesOrderWithTooManyLineItems() {
		assertInvalid(place(orderWithLines(tooManyLines())), "lineItems");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOverlongMenuItemId() {
		var result = place(orderWithLines("{\"menuItemId\": \"%s\", \"quantity\": 1}".formatted("m".repeat(MenuItemId.MAX_LENGTH + 1))));

		assertInvalid(result, "lineItems[0].menuItemId");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001 })
	void leavesTheRangeOfQuantitiesToTheDomain(int quantity) {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.INVALID_QUANTITY,
				"Quantity must be between 1 and 1000, was " + quantity, "lineItems[0].quantity"));

		var result = place(orderWithLines("{\"menuItemId\": \"m1\", \"quantity\": %d}".formatted(quantity)));

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT);
		then(orders).should().place(orderOfM1(quantity), null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "" })
	void refusesAnOrderThatIsNotAJsonObject(String body) {
		assertMalformed(place(body));
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"consumerId": 42}                                                   | consumerId
			{"consumerId": "not-a-uuid"}                                         | consumerId
			{"restaurantId": "22222222-2222-4222-8222"}                          | restaurantId
			{"lineItems": {"menuItemId": "m1"}}                                  | lineItems
			{"lineItems": [{"menuItemId": "m1", "quantity": 2.5}]}               | lineItems[0].quantity
			{"lineItems": [{"menuItemId": "m1", "quantity": "two"}]}             | lineItems[0].quantity
			{"lineItems": [{"menuItemId": "m1", "quantity": 99999999999}]}       | lineItems[0].quantity
			{"lineItems": [{"menuItemId": ["m1"], "quantity": 1}]}               | lineItems[0].menuItemId
			""")
	void namesTheFieldOfTheWrongJsonType(String body, String field) {
		assertWrongJsonType(body, field);
	}

	@Test
	void refusesAnOrderThatIsNotJson() {
		var result = mvc.post().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.TEXT_PLAIN).content("consumerId=1").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(orders);
	}
}
