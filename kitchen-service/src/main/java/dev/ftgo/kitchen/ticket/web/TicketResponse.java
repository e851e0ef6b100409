package dev.ftgo.kitchen.ticket.web;

import java.time.Instant;
import java.util.List;

import dev.ftgo.kitchen.ticket.Ticket;

/** {@code readyBy} is {@code null} until the ticket is accepted. */
record TicketResponse(String ticketId, String orderId, String restaurantId, String state, List<LineItem> lineItems,
		Instant readyBy) {

	record LineItem(String menuItemId, String name, int quantity) {
	}

	static TicketResponse of(Ticket ticket) {
		return new TicketResponse(ticket.id().toString(), ticket.orderId().toString(),
				ticket.restaurantId().toString(), ticket.state().name(),
				ticket.lineItems().stream()
						.map(item -> new LineItem(item.menuItemId(), item.name(), item.quantity()))
						.toList(),
				ticket.readyBy());
	}
}
