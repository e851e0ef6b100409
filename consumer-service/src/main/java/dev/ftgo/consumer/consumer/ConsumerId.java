package dev.ftgo.consumer.consumer;

import java.util.Objects;
import java.util.UUID;

public record ConsumerId(UUID value) {

	public ConsumerId {
		Objects.requireNonNull(value, "value");
	}

	public static ConsumerId random() {
		return new ConsumerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
