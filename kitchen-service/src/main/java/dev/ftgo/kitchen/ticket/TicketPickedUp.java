package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/** The courier took the food. */
public record TicketPickedUp(UUID ticketId, UUID orderId) implements TicketEvent {
}
