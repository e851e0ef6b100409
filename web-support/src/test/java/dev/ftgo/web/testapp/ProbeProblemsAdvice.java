package dev.ftgo.web.testapp;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ftgo.web.Problems;

/** Shaped like a service's advice: its domain's exceptions only. */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class ProbeProblemsAdvice {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onRefused(ProbeRefusedException ex) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Probe refused", ex.getMessage()));
	}
}
