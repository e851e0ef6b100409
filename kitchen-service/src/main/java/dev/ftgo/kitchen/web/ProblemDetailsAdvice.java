package dev.ftgo.kitchen.web;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ftgo.kitchen.restaurant.IllegalRestaurantStateException;
import dev.ftgo.kitchen.restaurant.RestaurantNotFoundException;
import dev.ftgo.kitchen.ticket.IllegalTicketStateException;
import dev.ftgo.kitchen.ticket.TicketNotFoundException;
import dev.ftgo.kitchen.ticket.TicketRefusedException;
import dev.ftgo.kitchen.ticket.TicketRuleViolationException;
import dev.ftgo.web.Problems;

/**
 * The domain's exceptions as RFC 9457 {@code application/problem+json}: 404 unknown id, 409 illegal transition, 422
 * a business rule refuses a well-formed request. The web-support library answers everything else (invalid input,
 * a lost race, an unreachable database, the catch-all 500) in the same shape.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ProblemDetailsAdvice {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onRestaurantNotFound(RestaurantNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Restaurant not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onTicketNotFound(TicketNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Ticket not found", ex.getMessage()));
	}

	@ExceptionHandler({ IllegalRestaurantStateException.class, IllegalTicketStateException.class })
	ResponseEntity<ProblemDetail> onIllegalState(RuntimeException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Transition not allowed", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onRuleViolation(TicketRuleViolationException ex) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onTicketRefused(TicketRefusedException ex) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Ticket refused", ex.getMessage());
		problem.setProperty("reason", ex.reason().name());
		return respond(problem);
	}
}
