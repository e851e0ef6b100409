package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.TicketId;

/** Placing an order through v1: the answer, its location, and the {@code Idempotency-Key} that makes a retry safe. */
class OrderControllerPlacementTest extends OrderControllerSlice {

	OrderControllerPlacementTest() {
		super("/api/v1/orders", "lineItems");
	}

	@Test
	void placesAnOrderAndAnswersWithItsLocation() {
		assertPlacesTheValidOrderAnew("""
				{"orderId": "%s", "state": "APPROVAL_PENDING"}""");
	}

	@Test
	void leavesOutABlankDeliveryAddress() {
		givenPlaced(OrderFixtures.order(), false);

		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}],
				 "deliveryAddress": "   "}""".formatted(CONSUMER, RESTAURANT));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(orderOfM1(1), null);
	}

	@Test
	void passesTheIdempotencyKeyOn() {
		givenPlaced(OrderFixtures.order(), false);

		var result = place(validOrder(), "order-7f3a");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(THE_VALID_ORDER, new IdempotencyKey("order-7f3a"));
	}

	@Test
	void answersAReplayWithTheCreationAnswerMarkedReplayed() {
		var approvedMeanwhile = OrderFixtures.approved(new TicketId(UUID.randomUUID()));
		givenPlaced(approvedMeanwhile, true);

		var result = place(validOrder(), "order-7f3a");

		assertCreated(result, approvedMeanwhile, true);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "state": "APPROVAL_PENDING"}""".formatted(approvedMeanwhile.id()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "caf\u00e9", "tab\there" })
	void refusesAMalformedIdempotencyKey(String key) {
		assertProblem(place(validOrder(), key), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOverlongIdempotencyKey() {
		var result = place(validOrder(), "k".repeat(IdempotencyKey.MAX_LENGTH + 1));

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request",
				"Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters");
		verifyNoInteractions(orders);
	}

	@Test
	void answersAReusedIdempotencyKeyWith422() {
		var key = new IdempotencyKey("order-7f3a");
		given(orders.place(any(), any())).willThrow(OrderFixtures.keyReused(key));

		var result = place(validOrder(), key.value());

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
				"Idempotency-Key 'order-7f3a' was already used for a different request");
	}
}
