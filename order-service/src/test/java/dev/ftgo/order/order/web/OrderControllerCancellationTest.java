package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;

/** Asking through v1 to cancel an order: accepted for the kitchen to answer, or refused with the reason. */
class OrderControllerCancellationTest extends OrderControllerSlice {

	OrderControllerCancellationTest() {
		super("/api/v1/orders", "lineItems");
	}

	@Test
	void acceptsACancellationRequest() {
		var order = givenCancellationAccepted();

		var result = cancel(order.id());

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.orderId").asString().isEqualTo(order.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("CANCEL_PENDING");
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(order.ticketId().toString());
	}

	@Test
	void answersCancellingAnUnknownOrderWith404() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(OrderFixtures.notFound(id));

		assertNotFound(cancel(id), id);
	}

	@Test
	void answersCancellingAnOrderStillAwaitingApprovalWith409() {
		var id = OrderId.random();
		var detail = givenCancellationNotAllowed(id);

		assertProblem(cancel(id), HttpStatus.CONFLICT, "Transition not allowed", detail);
	}

	@Test
	void answersAConcurrentCancellationWith409() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(cancel(id));
	}
}
