package dev.ftgo.consumer.web;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ftgo.consumer.consumer.ConsumerNotFoundException;
import dev.ftgo.consumer.consumer.IllegalConsumerStateException;
import dev.ftgo.web.Problems;

/**
 * The domain's exceptions as RFC 9457 {@code application/problem+json}: 404 unknown consumer, 409 illegal
 * transition. The web-support library answers everything else (invalid input, a lost race, an unreachable
 * database, the catch-all 500) in the same shape.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ProblemDetailsAdvice {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onConsumerNotFound(ConsumerNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Consumer not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onIllegalState(IllegalConsumerStateException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Transition not allowed", ex.getMessage()));
	}
}
