package dev.ftgo.kitchen.ticket;

/**
 * Where the ticket use cases announce transitions. The implementation must write the event in the
 * caller's transaction, so that it exists if and only if the transition commits.
 */
public interface TicketEvents {

	void publish(TicketEvent event);
}
