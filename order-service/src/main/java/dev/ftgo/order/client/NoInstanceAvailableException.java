package dev.ftgo.order.client;

import org.springframework.web.client.RestClientException;

/**
 * Discovery knows no instance of the service. A {@link RestClientException}, so the breaker counts
 * it like any other failure to reach the service.
 */
class NoInstanceAvailableException extends RestClientException {

	NoInstanceAvailableException(String service, Throwable cause) {
		super("no instance of " + service + " is registered", cause);
	}
}
