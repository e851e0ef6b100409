package dev.ftgo.relay.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead-letter record, as the messaging library writes them: the message's own headers, copied
 * unchanged, plus Spring Kafka's {@code kafka_dlt-*} headers (partition and offset as big-endian binary numbers,
 * the rest UTF-8) and {@code deadLetterReason}. The relay reads Kafka with the plain client, so the names are
 * repeated here; {@code DeadLetterHeadersTest} holds them to the libraries' constants.
 */
final class DeadLetterHeaders {

	static final String PREFIX = "kafka_dlt-";
	static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
	static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
	static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
	static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
	static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
	static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
	static final String REASON = "deadLetterReason";
	static final String MESSAGE_ID = "id";
	static final String TYPE = "type";
	/** On a replayed copy: the dead letter it is a copy of ({@link DeadLetterId#toString()}). */
	static final String REPLAY_OF = "replayOf";

	private DeadLetterHeaders() {
	}

	static DeadLetter read(ConsumerRecord<byte[], byte[]> record, String fallbackOriginalTopic) {
		Headers headers = record.headers();
		Map<String, String> message = new LinkedHashMap<>();
		for (Header header : headers) {
			if (isMessageHeader(header.key())) {
				message.put(header.key(), text(header.value()));
			}
		}
		String originalTopic = text(headers, ORIGINAL_TOPIC);
		String reason = text(headers, REASON);
		return new DeadLetter(new DeadLetterId(record.topic(), record.partition(), record.offset()), text(record.key()),
				message.get(MESSAGE_ID), message.get(TYPE), originalTopic != null ? originalTopic : fallbackOriginalTopic,
				partition(headers), offset(headers), text(headers, ORIGINAL_CONSUMER_GROUP),
				text(headers, EXCEPTION_FQCN), reason != null ? reason : text(headers, EXCEPTION_MESSAGE),
				Instant.ofEpochMilli(record.timestamp()), message, record.value());
	}

	/**
	 * The headers of the copy a replay sends: the message's own, byte for byte (the same {@code id}, so the inbox
	 * of a consumer that did apply it drops the copy), none of the dead-letter ones, and {@code replayOf}.
	 */
	static Headers forReplay(Headers deadLetterHeaders, DeadLetterId id) {
		Headers copy = new RecordHeaders();
		for (Header header : deadLetterHeaders) {
			if (isMessageHeader(header.key()) && !REPLAY_OF.equals(header.key())) {
				copy.add(header.key(), header.value());
			}
		}
		return copy.add(REPLAY_OF, id.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static boolean isMessageHeader(String name) {
		return !name.startsWith(PREFIX) && !REASON.equals(name);
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return header == null ? null : text(header.value());
	}

	private static String text(byte[] value) {
		return value == null ? null : new String(value, StandardCharsets.UTF_8);
	}

	private static Integer partition(Headers headers) {
		ByteBuffer value = binary(headers, ORIGINAL_PARTITION, Integer.BYTES);
		return value == null ? null : value.getInt();
	}

	private static Long offset(Headers headers) {
		ByteBuffer value = binary(headers, ORIGINAL_OFFSET, Long.BYTES);
		return value == null ? null : value.getLong();
	}

	/** Spring Kafka writes partition and offset as binary; a value of another length is not one of its headers. */
	private static ByteBuffer binary(Headers headers, String name, int length) {
		Header header = headers.lastHeader(name);
		return header == null || header.value() == null || header.value().length != length ? null
				: ByteBuffer.wrap(header.value());
	}
}
