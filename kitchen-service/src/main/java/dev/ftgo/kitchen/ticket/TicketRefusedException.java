package dev.ftgo.kitchen.ticket;

import java.util.Objects;

/**
 * The kitchen will not take an order. This is an answer, not a fault: the reason goes back to
 * order-service, which rejects the order with it.
 */
public class TicketRefusedException extends RuntimeException {

	public enum Reason {
		UNKNOWN_RESTAURANT, RESTAURANT_CLOSED, UNKNOWN_MENU_ITEM
	}

	private final Reason reason;

	TicketRefusedException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return reason;
	}
}
