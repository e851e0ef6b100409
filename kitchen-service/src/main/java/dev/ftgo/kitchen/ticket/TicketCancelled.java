package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/**
 * The ticket was cancelled before preparation started. Published on {@code ticket.events}, and also the
 * reply to {@code OrderCancellationRequested} on {@code order.replies}: both carry the same fields.
 */
public record TicketCancelled(UUID ticketId, UUID orderId) implements TicketEvent {
}
