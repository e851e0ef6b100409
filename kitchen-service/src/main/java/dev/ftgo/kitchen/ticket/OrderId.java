package dev.ftgo.kitchen.ticket;

import java.util.Objects;
import java.util.UUID;

/** The id of the order-service order a ticket prepares; kitchen-service never looks the order up. */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
