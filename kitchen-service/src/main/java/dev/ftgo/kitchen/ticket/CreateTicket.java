package dev.ftgo.kitchen.ticket;

import java.util.List;
import java.util.UUID;

/**
 * order-service asks the kitchen for a ticket ({@code kitchen.commands}, keyed by order id); the kitchen
 * answers {@link TicketCreated} or {@link CreateTicketRefused} on the command's {@code replyTo} topic.
 * Fields may be missing in a malformed command, so the handler checks them.
 *
 * @param consumerId optional (schema 1.1): an older order-service does not send it, and the ticket is then
 *        created without it
 */
public record CreateTicket(UUID orderId, UUID restaurantId, UUID consumerId, List<LineItem> lineItems) {

	/** {@code name} is order-service's copy; the ticket names each item as the kitchen's own menu does. */
	public record LineItem(String menuItemId, String name, int quantity) {
	}
}
