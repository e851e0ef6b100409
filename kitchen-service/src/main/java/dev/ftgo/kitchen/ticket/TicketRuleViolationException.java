package dev.ftgo.kitchen.ticket;

/**
 * A well-formed request that a business rule refuses, such as a {@code readyBy} in the past. Unlike an
 * illegal transition it would not succeed later either; the caller has to change the request.
 */
public class TicketRuleViolationException extends RuntimeException {

	TicketRuleViolationException(String message) {
		super(message);
	}
}
