package dev.ftgo.gateway.failover;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which failed attempts of a routed request may be sent again, to the next instance the load balancer picks.
 * <ul>
 * <li>The connection was refused or could not be made in time ({@link ConnectException}, which Netty's
 * connect failures and connect timeouts extend): the request never reached a server, so sending it elsewhere is
 * safe whatever its method. This is what a stopped or killed instance that discovery still lists causes.</li>
 * <li>The connection broke after the request was sent (reset, closed before the response): the instance may
 * have acted on it. Only a request that may run twice is sent again: a GET or HEAD, or a POST carrying an
 * {@code Idempotency-Key}, which the service answers from its record of the first run. A keyless POST is not:
 * it could place a second order.</li>
 * <li>No answer within the response timeout, or a 5xx answer: GET and HEAD only. A slow or failing service may
 * still be working on a POST, and a 5xx is an answer the caller should see.</li>
 * </ul>
 */
final class RetryRules {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private RetryRules() {
	}

	static boolean mayRetry(Throwable failure, ServerHttpRequest request) {
		if (causedBy(failure, ConnectException.class)) {
			return true;
		}
		if (causedBy(failure, TimeoutException.class)) {
			return isRead(request.getMethod());
		}
		if (causedBy(failure, IOException.class)) {
			return isRead(request.getMethod()) || isKeyedPost(request);
		}
		return false;
	}

	static boolean mayRepeat(HttpStatusCode status, ServerHttpRequest request) {
		return status != null && status.is5xxServerError() && isRead(request.getMethod());
	}

	private static boolean isRead(HttpMethod method) {
		return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
	}

	private static boolean isKeyedPost(ServerHttpRequest request) {
		var key = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
		return HttpMethod.POST.equals(request.getMethod()) && key != null && !key.isBlank();
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}
}
