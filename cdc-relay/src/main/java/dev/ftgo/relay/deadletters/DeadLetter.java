package dev.ftgo.relay.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One record of a dead-letter topic, read from its headers (docs/messaging.md): the message it carries and why it
 * was parked. Fields the record does not carry are {@code null}.
 *
 * @param key the record key, the id of the aggregate the message is about
 * @param messageId the {@code id} header, which the consumers' inbox deduplicates on
 * @param originalTopic the topic the message was consumed from, where a replay sends it
 * @param subscriber the consumer group that gave up on it
 * @param exceptionClass the class of the exception Spring Kafka recorded (often the listener's wrapper)
 * @param reason the root cause of the last failure ({@code deadLetterReason}), else the recorded exception message
 * @param parkedAt when the record was written to the dead-letter topic
 * @param messageHeaders the message's own headers ({@code id}, {@code type}, {@code correlationId}, ...)
 * @param payload the record value, as it was consumed
 */
public record DeadLetter(DeadLetterId id, String key, String messageId, String type, String originalTopic,
		Integer originalPartition, Long originalOffset, String subscriber, String exceptionClass, String reason,
		Instant parkedAt, Map<String, String> messageHeaders, byte[] payload) {
}
