package dev.ftgo.order.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step of the order's ticket in the kitchen ({@code TicketAccepted}, {@code TicketPreparationStarted},
 * {@code TicketReadyForPickup}, {@code TicketPickedUp}); the message type says which, the payload is the
 * same for all. {@code readyBy} is set when the ticket is accepted.
 */
public record TicketEvent(UUID ticketId, UUID orderId, Instant readyBy) {

	public TicketEvent {
		Objects.requireNonNull(ticketId, "ticketId");
		Objects.requireNonNull(orderId, "orderId");
	}
}
