package dev.ftgo.relay.deadletters;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

import dev.ftgo.messaging.MessageHeaderNames;

/**
 * Dead-letter records as the services write them: the headers come from Spring Kafka's own
 * {@link DeadLetterPublishingRecoverer}, configured as the messaging library configures it, so a test of the
 * relay's reading fails when the writing side changes.
 */
final class DeadLetterRecords {

	static final String PAYLOAD = "{\"consumerId\":\"c-1\",\"subject\":\"Order approved\"}";

	private DeadLetterRecords() {
	}

	/** A {@code NotifyConsumer} from consumer.commands, partition 2, offset 17, parked on consumer.commands-dlt. */
	static ConsumerRecord<byte[], byte[]> parked(int partition, long offset, long parkedAt, String messageId) {
		var headers = new RecordHeaders()
			.add(MessageHeaderNames.ID, bytes(messageId))
			.add(MessageHeaderNames.TYPE, bytes("NotifyConsumer"))
			.add(MessageHeaderNames.SCHEMA_VERSION, bytes("1"));
		var consumed = new ConsumerRecord<>("consumer.commands", 2, 17L, 1_000L, TimestampType.CREATE_TIME, 0, 0,
				bytes("c-1"), bytes(PAYLOAD), headers, Optional.empty());
		var written = deadLetterOf(consumed);
		return new ConsumerRecord<>("consumer.commands-dlt", partition, offset, parkedAt, TimestampType.CREATE_TIME, 0, 0,
				written.key(), written.value(), written.headers(), Optional.empty());
	}

	@SuppressWarnings("unchecked")
	private static ProducerRecord<byte[], byte[]> deadLetterOf(ConsumerRecord<byte[], byte[]> consumed) {
		KafkaOperations<Object, Object> template = mock(KafkaOperations.class);
		AtomicReference<ProducerRecord<Object, Object>> sent = new AtomicReference<>();
		when(template.send(any(ProducerRecord.class))).thenAnswer(call -> {
			ProducerRecord<Object, Object> record = call.getArgument(0);
			sent.set(record);
			var metadata = new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0);
			return CompletableFuture.completedFuture(new SendResult<>(record, metadata));
		});
		var recoverer = new DeadLetterPublishingRecoverer(template,
				(record, exception) -> new TopicPartition(record.topic() + "-dlt", -1));
		recoverer.addHeadersFunction((record, exception) -> new RecordHeaders()
			.add(MessageHeaderNames.DEAD_LETTER_REASON, bytes("PSQLException: ERROR: notification refused")));
		recoverer.accept(consumed, null, new ListenerExecutionFailedException("Listener failed",
				"consumer-service", new IllegalStateException("notification refused")));
		var record = sent.get();
		return new ProducerRecord<>(record.topic(), null, (byte[]) record.key(), (byte[]) record.value(), record.headers());
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
