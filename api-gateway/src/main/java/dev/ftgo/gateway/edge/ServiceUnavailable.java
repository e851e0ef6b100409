package dev.ftgo.gateway.edge;

import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * The 503 the gateway answers when a service could not be asked: the same words whether a route's
 * breaker fell back or the gateway's own call (API composition) failed.
 */
public final class ServiceUnavailable {

	private ServiceUnavailable() {
	}

	public static ResponseStatusException because(String service, Throwable cause) {
		return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, reason(service, cause));
	}

	private static String reason(String service, Throwable cause) {
		if (cause instanceof CallNotPermittedException) {
			return service + " is failing; the gateway stopped calling it for a moment (circuit open).";
		}
		if (cause instanceof BulkheadFullException) {
			return service + " already has as many requests in flight from the gateway as it may (bulkhead full).";
		}
		if (cause instanceof TimeoutException) {
			return service + " did not answer in time.";
		}
		return service + " is not reachable right now.";
	}
}
