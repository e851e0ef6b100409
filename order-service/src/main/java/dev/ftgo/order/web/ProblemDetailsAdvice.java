package dev.ftgo.order.web;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

import dev.ftgo.order.client.ServiceUnavailableException;
import dev.ftgo.order.client.UnexpectedAnswerException;
import dev.ftgo.order.order.IdempotencyKeyReusedException;
import dev.ftgo.order.order.IllegalOrderStateException;
import dev.ftgo.order.order.OrderNotFoundException;
import dev.ftgo.order.order.OrderRefusedException;
import dev.ftgo.web.FieldProblem;
import dev.ftgo.web.Problems;

/**
 * The domain's exceptions and the failures of the services this one calls as RFC 9457 problems; the web-support
 * library answers everything else (invalid input, an unreachable database, the catch-all 500) in the same shape.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onOrderNotFound(OrderNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Order not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onOrderRefused(OrderRefusedException ex, HandlerMethod handler) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Order refused", ex.getMessage());
		problem.setProperty("reason", ex.reason().name());
		if (ex.field() != null) {
			var field = handler.getBean() instanceof RequestFieldNames names ? names.requestField(ex.field())
					: ex.field();
			problem.setProperty("errors", List.of(new FieldProblem(field, ex.getMessage())));
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onIdempotencyKeyReused(IdempotencyKeyReusedException ex) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onIllegalState(IllegalOrderStateException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Transition not allowed", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onServiceUnavailable(ServiceUnavailableException ex) {
		var problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", ex.getMessage());
		problem.setProperty("service", ex.service());
		// whole seconds, rounded up: "Retry-After: 0" would invite an immediate retry storm
		var seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnexpectedAnswer(UnexpectedAnswerException ex) {
		log.warn("Unexpected answer from a called service: {}", ex.getMessage());
		return respond(problem(HttpStatus.BAD_GATEWAY, "Bad gateway", ex.getMessage()));
	}
}
