package dev.ftgo.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the gateway answers itself, with headers the client needs to act on it
 * ({@code WWW-Authenticate} on a 401, {@code Retry-After} on a 429). Rendered like every other
 * error by {@link ProblemJsonErrorHandler}.
 */
public class ProblemException extends ResponseStatusException {

	private final HttpHeaders headers;

	public ProblemException(HttpStatusCode status, String detail, HttpHeaders headers) {
		super(status, detail);
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public HttpHeaders getHeaders() {
		return headers;
	}
}
