package dev.ftgo.web;

import static dev.ftgo.web.Problems.problem;
import static dev.ftgo.web.Problems.respond;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring's base class already maps the framework's exceptions (415, 405, 404 for unknown paths, 400 for a bad path
 * variable or a missing parameter); this adds field-level detail to 400s, 409 for a lost race, 503 while the
 * database is unreachable and a 500 that says nothing of the failure. Last in order: a service's own advice
 * ({@link Problems#SERVICE_ADVICE_ORDER}) answers its domain's exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class SharedProblemsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(SharedProblemsAdvice.class);

	private static final String WRONG_TYPE = "has the wrong type or format";

	private final ProblemHandlingProperties properties;

	SharedProblemsAdvice(ProblemHandlingProperties properties) {
		this.properties = properties;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult().getFieldErrors().stream()
				.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
				.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** Constraints on query parameters, path variables and headers, e.g. {@code size=0}. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults().stream()
				.flatMap(result -> result.getResolvableErrors().stream()
					.map(error -> new FieldProblem(error instanceof FieldError field ? field.getField()
							: result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
				.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** A query parameter or path variable of the wrong type, e.g. {@code ?limit=all}. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "A parameter has the wrong type or format.");
		if (ex.getPropertyName() != null) {
			// name the parameter but do not echo its value: it is attacker-controlled input
			problem.setProperty("errors", List.of(new FieldProblem(ex.getPropertyName(), WRONG_TYPE)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The request body is missing or is not valid JSON of the expected shape.");
		// name the field but do not echo the parser's message: it may quote attacker-controlled input
		JsonFieldPath.of(ex).ifPresent(field -> problem.setProperty("errors", List.of(new FieldProblem(field, WRONG_TYPE))));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onConcurrentUpdate(OptimisticLockingFailureException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Concurrent update",
				"The resource was changed by another request at the same time; read it again and retry."));
	}

	/**
	 * PostgreSQL is restarting, failing over or out of connections: nothing is wrong with the request and the same
	 * request will likely succeed in a moment, so this is a 503 the caller may retry, not a 500.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, RecoverableDataAccessException.class })
	ResponseEntity<ProblemDetail> onDatabaseUnavailable(Exception ex) {
		// expected during a database restart and says nothing a stack trace would add
		log.warn("Database unavailable, answered 503: {}", DatabaseFailures.rootMessage(ex));
		var problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The database is unreachable at the moment; retry the request in a few seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(properties.databaseRetryAfter().toSeconds()))
				.body(problem);
	}

	/** A value object refused a value that slipped past bean validation; it is still the caller's input. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> onInvalidValue(IllegalArgumentException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnexpected(Exception ex) {
		if (DatabaseFailures.isUnstorableText(ex)) {
			return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"Text values must not contain NUL (\\u0000) characters."));
		}
		if (DatabaseFailures.isDatabaseUnavailable(ex)) {
			return onDatabaseUnavailable(ex);
		}
		log.error("Unhandled exception", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to process the request."));
	}

	/** Sorted by field, so that the answer to the same request is the same. */
	private static ProblemDetail invalid(List<FieldProblem> errors) {
		var sorted = errors.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"The request has " + sorted.size() + " invalid field(s).");
		problem.setProperty("errors", sorted);
		return problem;
	}
}
