package dev.ftgo.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/** The kitchen promised to have the ticket ready by {@code readyBy}. */
public record TicketAccepted(UUID ticketId, UUID orderId, Instant readyBy) implements TicketEvent {
}
