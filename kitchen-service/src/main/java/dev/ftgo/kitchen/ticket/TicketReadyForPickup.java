package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/** The food is ready for the courier. */
public record TicketReadyForPickup(UUID ticketId, UUID orderId) implements TicketEvent {
}
