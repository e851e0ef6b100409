package dev.ftgo.order.order;

import java.util.Objects;
import java.util.UUID;

public record RestaurantId(UUID value) {

	public RestaurantId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
