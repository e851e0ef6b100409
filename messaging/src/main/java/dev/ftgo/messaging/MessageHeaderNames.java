package dev.ftgo.messaging;

/** The Kafka header names of the message contract (docs/messaging.md); values are UTF-8 strings. */
public final class MessageHeaderNames {

	/** The message id, a UUID: the dedupe key of idempotent consumers. */
	public static final String ID = "id";
	public static final String TYPE = "type";
	public static final String CORRELATION_ID = "correlationId";
	public static final String REPLY_TO = "replyTo";
	/** The W3C trace context of the sender. */
	public static final String TRACEPARENT = "traceparent";
	public static final String SCHEMA_VERSION = "schemaVersion";
	/**
	 * Only on a dead-letter record: why it was parked, the root cause of the last failure as
	 * {@code <SimpleClassName>: <message>} (at most 1000 characters), next to Spring Kafka's {@code kafka_dlt-*}
	 * headers (exception class and message of the wrapper, original topic, partition, offset and consumer group).
	 */
	public static final String DEAD_LETTER_REASON = "deadLetterReason";

	private MessageHeaderNames() {
	}
}
