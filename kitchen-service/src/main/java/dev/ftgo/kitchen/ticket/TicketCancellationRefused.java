package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/**
 * The reply to {@link OrderCancellationRequested} when the ticket cannot be cancelled: the kitchen already
 * started preparing, or there is no such ticket.
 *
 * @param ticketId as the request named it; {@code null} if it named none
 * @param reason a sentence for people, naming the cause
 */
public record TicketCancellationRefused(UUID orderId, UUID ticketId, String reason) {
}
