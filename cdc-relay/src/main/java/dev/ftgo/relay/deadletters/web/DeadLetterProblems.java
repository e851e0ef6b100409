package dev.ftgo.relay.deadletters.web;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.ftgo.relay.deadletters.AlreadyReplayedException;
import dev.ftgo.relay.deadletters.DeadLetterNotFoundException;
import dev.ftgo.relay.deadletters.DeadLettersUnavailableException;
import dev.ftgo.relay.deadletters.InvalidDeadLetterRequestException;
import dev.ftgo.relay.deadletters.UnknownDeadLetterTopicException;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.ReplayView;
import dev.ftgo.web.Problems;

/**
 * The admin API's own exceptions as RFC 9457 {@code application/problem+json}. The web-support library answers
 * everything else (the framework's own, such as a partition that is not a number, and the catch-all 500) in the
 * same shape, as it does in the services; the security library answers 401 and 403.
 */
@RestControllerAdvice
@Order(Problems.SERVICE_ADVICE_ORDER)
class DeadLetterProblems {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterProblems.class);

	/** Kafka is usually back within seconds (a broker restart); sooner would only add load. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onInvalid(InvalidDeadLetterRequestException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnknownTopic(UnknownDeadLetterTopicException ex) {
		var problem = problem(HttpStatus.NOT_FOUND, "Unknown dead-letter topic", ex.getMessage());
		problem.setProperty("topics", ex.known());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onNotFound(DeadLetterNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Dead letter not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onAlreadyReplayed(AlreadyReplayedException ex) {
		var problem = problem(HttpStatus.CONFLICT, "Replayed before", ex.getMessage());
		problem.setProperty("previousReplay", ReplayView.of(ex.previous()));
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onKafkaUnavailable(DeadLettersUnavailableException ex) {
		log.warn("Dead-letter request failed: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable", ex.getMessage()));
	}
}
