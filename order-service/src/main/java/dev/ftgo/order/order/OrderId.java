package dev.ftgo.order.order;

import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
