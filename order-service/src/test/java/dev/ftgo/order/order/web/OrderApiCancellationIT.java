package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.WithStubbedServices;

/** Cancelling an order through v1 over HTTP: only once it is approved, and only once however many ask at once. */
class OrderApiCancellationIT extends WithStubbedServices {

	@Test
	void refusesToCancelAnOrderAwaitingApproval() {
		var orderId = placeOrder(me, givenRestaurant());

		var response = asMe().post("/api/v1/orders/" + orderId + "/cancel", null);

		assertProblem(response, 409);
		assertThat(response.json().get("detail").asString()).contains("APPROVAL_PENDING");
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
	}

	@Test
	void cancelsAnApprovedOrderOnce() {
		var orderId = placeOrder(me, givenRestaurant());
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
	void concurrentCancellationsLetExactlyOneWin() {
		var orderId = placeOrder(me, givenRestaurant());
		approve(orderId);

		var statuses = cancelAtOnce(me, orderId, 6);

		assertThat(statuses).containsOnly(202, 409);
		assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("version").asLong()).isEqualTo(2);
	}
}
