package dev.ftgo.consumer.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.ftgo.consumer.consumer.ConsumerNotFoundException;
import dev.ftgo.consumer.consumer.IllegalConsumerStateException;
import dev.ftgo.consumer.web.Problem.FieldProblem;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves this service as RFC 9457 {@code application/problem+json}. Spring's base class
 * already maps the framework's exceptions (415, 405, 404 for unknown paths, 400 for a bad path
 * variable); this class adds field-level detail, the domain's exceptions and 503 while the database is
 * unreachable.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** About as long as PostgreSQL takes to restart; a client retrying sooner would only add load. */
	private static final long DATABASE_RETRY_AFTER_SECONDS = 2;

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult().getFieldErrors().stream()
				.map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
				.sorted(Comparator.comparing(FieldProblem::field))
				.toList();
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"The request has " + errors.size() + " invalid field(s).");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body",
				"The request body is missing or is not valid JSON of the expected shape.");
		var jackson = jacksonCause(ex);
		if (jackson != null && !jackson.getPath().isEmpty()) {
			// name the field but do not echo the parser's message: it may quote attacker-controlled input
			problem.setProperty("errors", List.of(new FieldProblem(fieldPath(jackson), "has the wrong type or format")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/** A query parameter or path variable broke its constraint, e.g. {@code ?limit=0}. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getParameterValidationResults().stream()
				.flatMap(result -> result.getResolvableErrors().stream()
						.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
				.sorted(Comparator.comparing(FieldProblem::field))
				.toList();
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"The request has " + errors.size() + " invalid parameter(s).");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** A query parameter or path variable of the wrong type, e.g. {@code ?limit=all}. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "A parameter has the wrong type or format.");
		if (ex.getPropertyName() != null) {
			// name the parameter but do not echo its value: it is attacker-controlled input
			problem.setProperty("errors", List.of(new FieldProblem(ex.getPropertyName(), "has the wrong type or format")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onConsumerNotFound(ConsumerNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "Consumer not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onIllegalState(IllegalConsumerStateException ex) {
		return respond(problem(HttpStatus.CONFLICT, "Transition not allowed", ex.getMessage()));
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
		log.warn("Database unavailable, answered 503: {}", rootMessage(ex));
		var problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The database is unreachable at the moment; retry the request in a few seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS))
				.body(problem);
	}

	/** A value object refused a value that slipped past bean validation; it is still the caller's input. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> onInvalidValue(IllegalArgumentException ex) {
		return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> onUnexpected(Exception ex) {
		if (isUnstorableText(ex)) {
			return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request",
					"Text values must not contain NUL (\\u0000) characters."));
		}
		if (isDatabaseUnavailable(ex)) {
			return onDatabaseUnavailable(ex);
		}
		log.error("Unhandled exception", ex);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to process the request."));
	}

	/** The outermost Jackson exception knows the field path; a nested parse error (a date, say) does not. */
	private static JacksonException jacksonCause(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String fieldPath(JacksonException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
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

	/**
	 * PostgreSQL refuses a NUL character in text (SQLState 22021) and characters its encoding cannot
	 * hold (22P05). Valid JSON can carry both, so this is the caller's input, not our failure; the
	 * transaction has rolled back and nothing was written.
	 */
	private static boolean isUnstorableText(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql
					&& ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The failures of {@link #onDatabaseUnavailable} when they arrive wrapped, e.g. a commit on a lost connection
	 * ({@code TransactionSystemException}, SQLState 08006), or a rollback that failed on it and hides the failure
	 * that caused it. SQLState 08: connection exception; 53: insufficient resources (too many connections);
	 * 57P01..57P03: the server is shutting down or starting up.
	 */
	private static boolean isDatabaseUnavailable(Throwable ex) {
		for (var cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
				return true;
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isDatabaseUnavailable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
				|| Set.of("57P01", "57P02", "57P03").contains(sqlState));
	}

	private static String rootMessage(Throwable ex) {
		var root = ex instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
				? rollback.getApplicationException()
				: ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
