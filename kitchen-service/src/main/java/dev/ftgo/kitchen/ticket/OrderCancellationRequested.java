package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/**
 * An order event the kitchen acts on ({@code order.events}): the consumer wants the order cancelled. The
 * kitchen answers {@link TicketCancelled} or {@link TicketCancellationRefused} on the {@code replyTo} topic.
 *
 * @param ticketId the order's ticket; may be missing, then the ticket is found by order
 */
public record OrderCancellationRequested(UUID orderId, UUID ticketId) {
}
