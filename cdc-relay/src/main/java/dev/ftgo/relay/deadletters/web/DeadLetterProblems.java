package dev.ftgo.relay.deadletters.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ftgo.relay.deadletters.AlreadyReplayedException;
import dev.ftgo.relay.deadletters.DeadLetterNotFoundException;
import dev.ftgo.relay.deadletters.DeadLettersUnavailableException;
import dev.ftgo.relay.deadletters.InvalidDeadLetterRequestException;
import dev.ftgo.relay.deadletters.UnknownDeadLetterTopicException;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.ReplayView;

/**
 * Every error of the admin API as {@code application/problem+json}. Spring's base class maps the framework's own
 * (a partition that is not a number, an unknown path, a wrong method) and the security library's 403.
 */
@RestControllerAdvice
class DeadLetterProblems extends ResponseEntityExceptionHandler {

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
		logger.warn("Dead-letter request failed: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable", ex.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
