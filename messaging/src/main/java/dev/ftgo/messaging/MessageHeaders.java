package dev.ftgo.messaging;

/**
 * The optional headers of a message; any of them may be {@code null}.
 *
 * @param correlationId ties a reply to its request (e.g. the id of the {@code CreateTicket} command)
 * @param replyTo the topic a reply goes to
 * @param traceparent the W3C trace context of the sender
 * @param schemaVersion the version of the payload's schema, for consumers that care
 */
public record MessageHeaders(String correlationId, String replyTo, String traceparent, String schemaVersion) {

	public static final MessageHeaders NONE = new MessageHeaders(null, null, null, null);

	public MessageHeaders withCorrelationId(String value) {
		return new MessageHeaders(value, replyTo, traceparent, schemaVersion);
	}

	public MessageHeaders withReplyTo(String value) {
		return new MessageHeaders(correlationId, value, traceparent, schemaVersion);
	}

	public MessageHeaders withTraceparent(String value) {
		return new MessageHeaders(correlationId, replyTo, value, schemaVersion);
	}

	public MessageHeaders withSchemaVersion(String value) {
		return new MessageHeaders(correlationId, replyTo, traceparent, value);
	}
}
