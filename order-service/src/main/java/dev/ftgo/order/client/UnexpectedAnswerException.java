package dev.ftgo.order.client;

/**
 * A called service answered, but not as its contract says (an unexpected 4xx, a body of the wrong
 * shape, values out of range). Not the caller's fault and not transient: callers see 502.
 */
public class UnexpectedAnswerException extends RuntimeException {

	public UnexpectedAnswerException(String service, String what, Throwable cause) {
		super(service + " gave an unexpected answer: " + what, cause);
	}
}
