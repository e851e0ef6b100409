package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/** The reply to {@link CreateTicket}: the kitchen took the order as this ticket. */
public record TicketCreated(UUID orderId, UUID ticketId) {
}
