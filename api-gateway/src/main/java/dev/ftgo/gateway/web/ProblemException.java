package dev.ftgo.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the gateway answers itself, with headers the client needs to act on it
 * ({@code WWW-Authenticate} on a 401, {@code Retry-After} on a 429). Rendered like every other
 * error by {@link ProblemJsonErrorHandler}.
 * <p>
 * It carries no stack trace: it is how a refusal travels to the error handler, not a failure to
 * investigate, and under overload the gateway raises thousands a second, each from deep inside Reactor's
 * operators.
 */
public class ProblemException extends ResponseStatusException {

	private final HttpHeaders headers;

	public ProblemException(HttpStatusCode status, String detail, HttpHeaders headers) {
		super(status, detail);
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	@Override
	public HttpHeaders getHeaders() {
		return headers;
	}
}
