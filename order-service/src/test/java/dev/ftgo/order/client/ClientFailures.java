package dev.ftgo.order.client;

import java.time.Duration;

/** The failures of called services as the clients report them, for tests outside this package. */
public final class ClientFailures {

	private ClientFailures() {
	}

	public static ServiceUnavailableException unavailable(String service, String why, Duration retryAfter) {
		return new ServiceUnavailableException(service, why, retryAfter, null);
	}

	public static TokenRefusedException tokenRefused(String service, Duration retryAfter) {
		return new TokenRefusedException(service, retryAfter, null);
	}
}
