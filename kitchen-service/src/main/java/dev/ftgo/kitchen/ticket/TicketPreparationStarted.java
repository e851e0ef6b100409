package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/** The kitchen started preparing the ticket; from now on the order can no longer be cancelled. */
public record TicketPreparationStarted(UUID ticketId, UUID orderId) implements TicketEvent {
}
