package dev.ftgo.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * An outgoing message: the envelope the outbox stores and cdc-relay turns into one Kafka record.
 *
 * @param id the message id; consumers deduplicate on it, so a retried send must reuse it
 * @param destination the Kafka topic
 * @param key the id of the aggregate the message is about; the Kafka key, which keeps per-aggregate order
 * @param type what the message is, e.g. {@code OrderCreated}; consumers dispatch on it
 * @param payload any object that Jackson serializes to a JSON object
 * @param headers the optional headers, never {@code null}
 */
public record Message(UUID id, String destination, String key, String type, Object payload, MessageHeaders headers) {

	// Kafka's limit on a topic name, and the width of outbox.destination
	private static final int MAX_TOPIC_LENGTH = 249;

	public Message {
		Objects.requireNonNull(id, "id");
		requireText(destination, "destination");
		if (destination.length() > MAX_TOPIC_LENGTH) {
			throw new IllegalArgumentException("destination is longer than " + MAX_TOPIC_LENGTH + " characters: " + destination);
		}
		requireText(key, "key");
		requireText(type, "type");
		Objects.requireNonNull(payload, "payload");
		headers = headers != null ? headers : MessageHeaders.NONE;
	}

	/** A message with a new random id and no optional headers. */
	public static Message of(String destination, String key, String type, Object payload) {
		return new Message(UUID.randomUUID(), destination, key, type, payload, MessageHeaders.NONE);
	}

	public Message withHeaders(MessageHeaders newHeaders) {
		return new Message(id, destination, key, type, payload, newHeaders);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}
}
