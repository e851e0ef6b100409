package dev.ftgo.gateway.web;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import dev.ftgo.gateway.edge.EdgeSettings;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error that reaches the edge into RFC 9457 {@code application/problem+json}: an
 * unknown path, a service with no live instance, a refused connection, a missing or refused token,
 * a client over its rate limit. It runs before Boot's own
 * handler (order -1), which would answer with its non-standard error JSON.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

	private final JsonMapper json = JsonMapper.builder().build();
	private final String retryAfterSeconds;

	ProblemJsonErrorHandler(EdgeSettings settings) {
		this.retryAfterSeconds = String.valueOf(Math.max(1, settings.retryAfter().toSeconds()));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		var response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		var path = exchange.getRequest().getPath().value();
		var problem = describe(error, path);
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "about:blank");
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("instance", path);

		response.setStatusCode(problem.status());
		if (error instanceof ResponseStatusException statusError) {
			// WWW-Authenticate, Retry-After, Allow: what the client needs to act on the refusal
			response.getHeaders().addAll(statusError.getHeaders());
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				&& !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
		}
		var bytes = json.writeValueAsBytes(body);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private record Problem(HttpStatusCode status, String title, String detail) {
	}

	private static Problem describe(Throwable error, String path) {
		if (error instanceof ResponseStatusException statusError) {
			var status = statusError.getStatusCode();
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				return new Problem(status, "Not Found", "No API resource at " + path + ".");
			}
			var reason = statusError.getReason() != null ? statusError.getReason() : title(status);
			return new Problem(status, title(status), reason);
		}
		if (error instanceof ConnectException || error instanceof TimeoutException
				|| error.getClass().getName().startsWith("io.netty.channel.ConnectTimeoutException")) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
					"The service behind " + path + " is not reachable right now; try again shortly.");
		}
		if (error instanceof AuthenticationServiceException) {
			// the token could not be checked at all (the JWK set is out of reach): not the caller's fault
			log.warn("Could not verify a bearer token for {}: {}", path, error.getMessage());
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
					"The gateway cannot verify access tokens right now; try again shortly.");
		}
		log.error("Unhandled error at the edge for {}", path, error);
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
				"The gateway failed to process the request.");
	}

	private static String title(HttpStatusCode status) {
		var known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "Error";
	}
}
