package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderRefusedException.Reason;

/**
 * Placing an order through v2. Its behaviour is v1's (the {@code OrderController*Test}s cover it in depth); this
 * checks that a v2 order asks the application service exactly what the same v1 order asks, and that v2's names
 * reach the client, in answers and in errors alike.
 */
class OrderV2ControllerPlacementTest extends OrderControllerSlice {

	OrderV2ControllerPlacementTest() {
		super("/api/v2/orders", "items");
	}

	@Test
	void placesAnOrderAndAnswersWithItsV2Location() {
		assertPlacesTheValidOrderAnew("""
				{"orderId": "%s", "status": "APPROVAL_PENDING"}""");
	}

	@Test
	void passesTheIdempotencyKeyOnAndMarksAReplay() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		givenPlaced(order, true);

		var result = place(validOrder(), "order-7f3a");

		assertCreated(result, order, true);
		then(orders).should().place(THE_VALID_ORDER, new IdempotencyKey("order-7f3a"));
	}

	@Test
	void ignoresUnknownFieldsAndV1sNameForTheItems() {
		givenPlaced(OrderFixtures.order(), false);

		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "tip": {"amountMinor": 500, "currency": "USD"},
				 "items": [{"menuItemId": "m1", "quantity": 1, "spicy": true}],
				 "lineItems": [{"menuItemId": "m9", "quantity": 9}]}""".formatted(CONSUMER, RESTAURANT));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(orderOfM1(1), null);
	}

	@Test
	void namesEveryInvalidFieldByItsV2Name() {
		var result = place("""
				{"items": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(result, "consumerId", "deliveryAddress", "items[0].menuItemId", "items[0].quantity", "items[1]",
				"restaurantId");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOrderWhoseLinesAreCalledLineItems() {
		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
				.formatted(CONSUMER, RESTAURANT));

		assertInvalid(result, "items");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesTooManyItems() {
		assertInvalid(place(orderWithLines(tooManyLines())), "items");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"items": {"menuItemId": "m1"}}                                  | items
			{"items": [{"menuItemId": "m1", "quantity": 2.5}]}               | items[0].quantity
			{"items": [{"menuItemId": "m1", "quantity": "two"}]}             | items[0].quantity
			{"consumerId": "not-a-uuid"}                                     | consumerId
			""")
	void namesTheFieldOfTheWrongJsonType(String body, String field) {
		assertWrongJsonType(body, field);
	}

	@ParameterizedTest
	@CsvSource({ "INVALID_QUANTITY, lineItems[0].quantity, items[0].quantity",
			"UNKNOWN_MENU_ITEM, lineItems[1].menuItemId, items[1].menuItemId",
			"UNKNOWN_RESTAURANT, restaurantId, restaurantId" })
	void namesTheRefusedFieldByItsV2Name(Reason reason, String domainField, String v2Field) {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(reason, "refused", domainField));

		var result = place(validOrder());

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused", "refused");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo(reason.name());
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(v2Field);
	}
}
