package dev.ftgo.kitchen.ticket;

import java.util.List;

/**
 * Sends what tickets recorded ({@link Ticket#releaseMessages()}). Must be called inside the transaction that
 * saves the change: an implementation writes to the outbox of that transaction, so the messages exist exactly
 * when the change does.
 */
public interface TicketMessages {

	void send(List<TicketEvent> messages);
}
