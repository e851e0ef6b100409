package dev.ftgo.consumer.consumer;

import java.util.Objects;
import java.util.UUID;

/**
 * The command order-service sends on {@code consumer.commands} to tell a consumer about an order (approved,
 * rejected, ready for pickup). One-way: nobody waits for an answer.
 *
 * <p>A command without a consumer, subject or message can never be stored, so it is refused here, where it
 * is read; an over-long text is not refused but shortened when it is stored (see {@link Notification}).
 *
 * @param orderId the order it is about; may be {@code null} for a notification about no particular order
 */
public record NotifyConsumer(UUID consumerId, UUID orderId, String subject, String message) {

	public NotifyConsumer {
		Objects.requireNonNull(consumerId, "consumerId");
		requireText(subject, "subject");
		requireText(message, "message");
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}
}
