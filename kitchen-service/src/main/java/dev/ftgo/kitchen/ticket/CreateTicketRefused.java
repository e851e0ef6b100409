package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/**
 * The reply to {@link CreateTicket}: the kitchen will not take the order.
 *
 * @param reason a sentence for people, naming the cause (restaurant closed, item not on the menu, ...)
 */
public record CreateTicketRefused(UUID orderId, String reason) {
}
