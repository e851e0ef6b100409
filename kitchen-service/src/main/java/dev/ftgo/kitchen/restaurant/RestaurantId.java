package dev.ftgo.kitchen.restaurant;

import java.util.Objects;
import java.util.UUID;

public record RestaurantId(UUID value) {

	public RestaurantId {
		Objects.requireNonNull(value, "value");
	}

	public static RestaurantId random() {
		return new RestaurantId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
