package dev.ftgo.consumer.consumer;

import java.time.Instant;
import java.util.UUID;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * Consumers, notifications and the domain's exceptions as the application services hand them out, for
 * tests outside this package (the web slice tests mock the application services).
 */
public final class ConsumerFixtures {

	public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private ConsumerFixtures() {
	}

	/** Ada Lovelace, active, with an order limit of 250.00 EUR. */
	public static Consumer ada() {
		return Consumer.register(new PersonName("Ada", "Lovelace"), new EmailAddress("ada@example.com"),
				Money.of("250.00", "EUR"), NOW);
	}

	public static Consumer suspended(Consumer consumer) {
		consumer.suspend();
		return consumer;
	}

	/** A stored notification: its id is the one the database would have generated. */
	public static Notification notification(UUID id, ConsumerId consumerId, UUID orderIdOrNull, String subject,
			String message, Instant receivedAt) {
		var notification = Notification.received(
				new NotifyConsumer(consumerId.value(), orderIdOrNull, subject, message), UUID.randomUUID(), receivedAt);
		ReflectionTestUtils.setField(notification, "id", id);
		return notification;
	}

	public static ConsumerNotFoundException notFound(ConsumerId id) {
		return new ConsumerNotFoundException(id);
	}

	public static IllegalConsumerStateException illegalTransition(String message) {
		return new IllegalConsumerStateException(message);
	}
}
