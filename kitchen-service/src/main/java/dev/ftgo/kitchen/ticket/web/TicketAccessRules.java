package dev.ftgo.kitchen.ticket.web;

import dev.ftgo.kitchen.ticket.TicketAccess;
import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

/**
 * Who may do what with a ticket over HTTP. What the token alone shows is refused at once (403); what only the
 * ticket shows, whose restaurant or consumer it is, becomes a {@link TicketAccess} the service applies to the
 * ticket it loads, and a ticket it does not permit is not found (404), so that its existence does not leak.
 */
final class TicketAccessRules {

	private TicketAccessRules() {
	}

	/**
	 * Reading: an admin, the kitchen staff of the ticket's restaurant, or the consumer whose order it is (known
	 * only when order-service's CreateTicket named the consumer). A token without any role gets 403.
	 */
	static TicketAccess toRead(Caller caller) {
		caller.requireAnyRole(Role.values());
		return ticket -> caller.isAdmin() || caller.worksAt(ticket.restaurantId().value())
				|| ticket.consumerId().filter(consumer -> caller.isConsumer(consumer.value())).isPresent();
	}

	/**
	 * The kitchen's steps (accept, preparing, ready, picked up): only the kitchen staff of the ticket's
	 * restaurant. Admins and consumers never cook, so every role but kitchen gets 403.
	 */
	static TicketAccess toWorkOn(Caller caller) {
		caller.requireAnyRole(Role.KITCHEN);
		return ticket -> caller.worksAt(ticket.restaurantId().value());
	}
}
