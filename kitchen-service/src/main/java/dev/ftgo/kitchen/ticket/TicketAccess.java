package dev.ftgo.kitchen.ticket;

/**
 * Whether the one asking may see or work on a ticket, decided on the ticket as loaded, in the transaction that
 * uses it. A ticket it does not permit is reported as not found ({@link TicketNotFoundException}), so a caller
 * cannot tell another restaurant's or another consumer's ticket from one that does not exist.
 */
@FunctionalInterface
public interface TicketAccess {

	/** For the service's own work, not on behalf of a caller: message handlers, tests. */
	TicketAccess ANYONE = ticket -> true;

	boolean permits(Ticket ticket);
}
