package dev.ftgo.kitchen.ticket;

/** A transition the ticket's current state does not allow, such as picking up a ticket not yet ready. */
public class IllegalTicketStateException extends RuntimeException {

	IllegalTicketStateException(String message) {
		super(message);
	}
}
