package dev.ftgo.order.order;

import java.util.Objects;
import java.util.UUID;

public record ConsumerId(UUID value) {

	public ConsumerId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
