package dev.ftgo.order.order;

import java.util.Objects;
import java.util.UUID;

public record TicketId(UUID value) {

	public TicketId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
