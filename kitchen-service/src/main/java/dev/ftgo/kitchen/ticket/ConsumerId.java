package dev.ftgo.kitchen.ticket;

import java.util.Objects;
import java.util.UUID;

/**
 * The consumer who placed the order a ticket prepares, as order-service's CreateTicket names it; the kitchen
 * keeps it only to let that consumer see the ticket.
 */
public record ConsumerId(UUID value) {

	public ConsumerId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
