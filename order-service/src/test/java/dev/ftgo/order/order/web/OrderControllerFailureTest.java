package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import dev.ftgo.order.client.ClientFailures;
import dev.ftgo.order.client.UnexpectedAnswerException;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderRefusedException.Reason;
import dev.ftgo.security.AccessRefusedException;

/**
 * How v1 answers when placing an order fails behind the controller: a refusal of the domain, a called service
 * that is down, refuses or breaks its contract, a database out of reach, or an unexpected failure.
 */
class OrderControllerFailureTest extends OrderControllerSlice {

	OrderControllerFailureTest() {
		super("/api/v1/orders", "lineItems");
	}

	@Test
	void answersARefusedOrderWith422NamingTheReasonAndTheField() {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.UNKNOWN_MENU_ITEM,
				"Restaurant " + RESTAURANT + " has no menu item 'm2'", "lineItems[1].menuItemId"));

		var result = place(validOrder());

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused",
				"Restaurant " + RESTAURANT + " has no menu item 'm2'");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo("UNKNOWN_MENU_ITEM");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("lineItems[1].menuItemId");
	}

	@Test
	void answersARefusedOrderWithoutFieldWith422AndNoFieldErrors() {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.CONSUMER_REFUSED,
				"The consumer cannot place this order: Consumer is suspended", null));

		var result = place(validOrder());

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused",
				"The consumer cannot place this order: Consumer is suspended");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo("CONSUMER_REFUSED");
		assertThat(result).bodyJson().doesNotHavePath("$.errors");
	}

	@ParameterizedTest
	@CsvSource({ "PT30S, 30", "PT1.5S, 2", "PT0.001S, 1", "PT0S, 1" })
	void answersAnUnavailableServiceWith503AndWhenToRetry(Duration retryAfter, String seconds) {
		given(orders.place(any(), isNull()))
				.willThrow(ClientFailures.unavailable("kitchen-service", "the circuit breaker is open", retryAfter));

		var result = place(validOrder());

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"kitchen-service is unavailable: the circuit breaker is open");
		assertThat(result).hasHeader("Retry-After", seconds);
		assertThat(result).bodyJson().extractingPath("$.service").asString().isEqualTo("kitchen-service");
	}

	@Test
	void answersAnUnexpectedAnswerOfACalledServiceWith502() {
		given(orders.place(any(), isNull())).willThrow(
				new UnexpectedAnswerException("kitchen-service", "a price of -1.00 USD", null));

		assertProblem(place(validOrder()), HttpStatus.BAD_GATEWAY, "Bad gateway",
				"kitchen-service gave an unexpected answer: a price of -1.00 USD");
	}

	@Test
	void answersAValueTheDomainRefusesWith400() {
		given(orders.place(any(), isNull())).willThrow(new IllegalArgumentException("an order needs at least one line item"));

		assertProblem(place(validOrder()), HttpStatus.BAD_REQUEST, "Invalid request", "an order needs at least one line item");
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		given(orders.place(any(), isNull())).willThrow(new IllegalStateException("connection to 10.0.0.7 lost"));

		assertProblem(place(validOrder()), HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to process the request.");
	}

	@ParameterizedTest
	@MethodSource("dev.ftgo.testsupport.DatabaseOutages#databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		given(orders.place(any(), isNull())).willThrow(outage);

		assertDatabaseUnavailable(place(validOrder()));
	}

	@Test
	void passesOnTheRefusalOfACalledServiceAs403() {
		given(orders.place(any(), isNull())).willThrow(
				new AccessRefusedException("consumer-service refused this caller the request it needed to make for it."));

		assertProblem(place(validOrder()), HttpStatus.FORBIDDEN, "Forbidden",
				"consumer-service refused this caller the request it needed to make for it.");
	}

	@Test
	void answersATokenACalledServiceDidNotAcceptWith503NotWith401() {
		given(orders.place(any(), isNull())).willThrow(ClientFailures.tokenRefused("consumer-service", Duration.ofSeconds(1)));

		var result = place(validOrder());

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"consumer-service is unavailable: it did not accept the caller's bearer token");
		assertThat(result).hasHeader("Retry-After", "1").doesNotContainHeader("WWW-Authenticate");
		assertThat(result).bodyJson().extractingPath("$.service").asString().isEqualTo("consumer-service");
	}
}
