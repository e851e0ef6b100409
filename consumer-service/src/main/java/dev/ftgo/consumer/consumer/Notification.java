package dev.ftgo.consumer.consumer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message to a consumer, as received with {@link NotifyConsumer}. Never changes once stored.
 *
 * <p>Texts longer than the columns are shortened, marked with an ellipsis, rather than refused: a
 * notification is worth keeping even when the sender wrote too much, and a refusal could only send the
 * command to the dead-letter topic.
 */
@Entity
@Table(name = "notification")
public class Notification {

	public static final int MAX_SUBJECT_LENGTH = 200;
	public static final int MAX_MESSAGE_LENGTH = 2000;

	private static final String ELLIPSIS = "…";

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	private UUID consumerId;

	private UUID orderId;

	private String subject;

	private String message;

	private Instant receivedAt;

	private UUID messageId;

	protected Notification() {
		// for JPA
	}

	private Notification(NotifyConsumer command, UUID messageId, Instant receivedAt) {
		this.consumerId = command.consumerId();
		this.orderId = command.orderId();
		this.subject = fit(command.subject(), MAX_SUBJECT_LENGTH);
		this.message = fit(command.message(), MAX_MESSAGE_LENGTH);
		this.receivedAt = receivedAt;
		this.messageId = messageId;
	}

	static Notification received(NotifyConsumer command, UUID messageId, Instant now) {
		return new Notification(command, messageId, now);
	}

	/**
	 * At most {@code maxLength} characters (code points, as PostgreSQL counts them, so a surrogate pair is
	 * never cut in half). NUL is dropped: PostgreSQL cannot store it in text and would refuse the row forever.
	 */
	static String fit(String text, int maxLength) {
		String storable = text.replace("\u0000", "");
		if (storable.codePointCount(0, storable.length()) <= maxLength) {
			return storable;
		}
		return storable.substring(0, storable.offsetByCodePoints(0, maxLength - ELLIPSIS.length())) + ELLIPSIS;
	}

	public UUID id() {
		return id;
	}

	public ConsumerId consumerId() {
		return new ConsumerId(consumerId);
	}

	public Optional<UUID> orderId() {
		return Optional.ofNullable(orderId);
	}

	public String subject() {
		return subject;
	}

	public String message() {
		return message;
	}

	public Instant receivedAt() {
		return receivedAt;
	}

	public UUID messageId() {
		return messageId;
	}
}
