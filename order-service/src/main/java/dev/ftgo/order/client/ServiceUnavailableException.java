package dev.ftgo.order.client;

import java.time.Duration;

/**
 * A service this one depends on could not answer now: it was slow, down, not registered, failing,
 * or shielded by an open breaker or a full bulkhead. Callers see 503 with {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final String service;
	private final Duration retryAfter;

	ServiceUnavailableException(String service, String why, Duration retryAfter, Throwable cause) {
		super(service + " is unavailable: " + why, cause);
		this.service = service;
		this.retryAfter = retryAfter;
	}

	public String service() {
		return service;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
