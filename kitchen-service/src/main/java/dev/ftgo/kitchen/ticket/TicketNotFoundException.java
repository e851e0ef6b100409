package dev.ftgo.kitchen.ticket;

public class TicketNotFoundException extends RuntimeException {

	TicketNotFoundException(TicketId id) {
		super("No ticket with id " + id);
	}

	TicketNotFoundException(OrderId orderId, TicketId ticketId) {
		super("Order " + orderId + " has no ticket " + ticketId);
	}
}
