package dev.ftgo.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The envelope of a consumed message: its headers and where it came from. The payload is handed to the
 * handler separately, already parsed.
 */
public record ReceivedMessage(UUID id, String type, String topic, String key, int partition, long offset,
		MessageHeaders headers) {

	static ReceivedMessage from(ConsumerRecord<String, ?> record) {
		String id = header(record, MessageHeaderNames.ID);
		String type = header(record, MessageHeaderNames.TYPE);
		if (id == null || type == null) {
			throw new PoisonMessageException("A message needs the headers id and type; " + where(record) + " has id="
					+ id + ", type=" + type);
		}
		UUID messageId;
		try {
			messageId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new PoisonMessageException("The id header of " + where(record) + " is not a UUID: " + id);
		}
		var headers = new MessageHeaders(header(record, MessageHeaderNames.CORRELATION_ID),
				header(record, MessageHeaderNames.REPLY_TO), header(record, MessageHeaderNames.TRACEPARENT),
				header(record, MessageHeaderNames.SCHEMA_VERSION));
		return new ReceivedMessage(messageId, type, record.topic(), record.key(), record.partition(), record.offset(), headers);
	}

	private static String header(ConsumerRecord<String, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String where(ConsumerRecord<String, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}
}
