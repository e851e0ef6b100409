package dev.ftgo.relay.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import dev.ftgo.messaging.MessageHeaderNames;

/** Reading the records Spring Kafka and the messaging library write, and the headers of a replayed copy. */
class DeadLetterHeadersTest {

	private final String messageId = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

	@Test
	void readsWhereTheRecordCameFromAndWhyItWasParked() {
		var letter = DeadLetterHeaders.read(DeadLetterRecords.parked(1, 5, 2_000L, messageId), "fallback");

		assertThat(letter.id()).isEqualTo(new DeadLetterId("consumer.commands-dlt", 1, 5));
		assertThat(letter.key()).isEqualTo("c-1");
		assertThat(letter.messageId()).isEqualTo(messageId);
		assertThat(letter.type()).isEqualTo("NotifyConsumer");
		assertThat(letter.originalTopic()).isEqualTo("consumer.commands");
		assertThat(letter.originalPartition()).isEqualTo(2);
		assertThat(letter.originalOffset()).isEqualTo(17L);
		assertThat(letter.subscriber()).isEqualTo("consumer-service");
		assertThat(letter.exceptionClass()).isNotBlank();
		assertThat(letter.reason()).isEqualTo("PSQLException: ERROR: notification refused");
		assertThat(letter.parkedAt()).isEqualTo(Instant.ofEpochMilli(2_000L));
		assertThat(letter.messageHeaders()).containsOnlyKeys("id", "type", "schemaVersion");
		assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo(DeadLetterRecords.PAYLOAD);
	}

	@Test
	void copiesTheMessageHeadersForAReplayAndDropsTheDeadLetterOnes() {
		var record = DeadLetterRecords.parked(1, 5, 2_000L, messageId);
		var id = new DeadLetterId("consumer.commands-dlt", 1, 5);

		var headers = DeadLetterHeaders.forReplay(record.headers(), id);

		assertThat(headers.toArray()).extracting(Header::key).containsExactly("id", "type", "schemaVersion", "replayOf");
		assertThat(text(headers.lastHeader("id"))).isEqualTo(messageId);
		assertThat(text(headers.lastHeader("replayOf"))).isEqualTo("consumer.commands-dlt/1/5");
	}

	@Test
	void namesOnlyTheLatestReplayOnACopyReplayedAgain() {
		var record = DeadLetterRecords.parked(1, 5, 2_000L, messageId);
		var firstCopy = DeadLetterHeaders.forReplay(record.headers(), new DeadLetterId("consumer.commands-dlt", 1, 5));

		var secondCopy = DeadLetterHeaders.forReplay(firstCopy, new DeadLetterId("consumer.commands-dlt", 0, 9));

		assertThat(secondCopy.headers("replayOf")).singleElement().extracting(DeadLetterHeadersTest::text)
			.isEqualTo("consumer.commands-dlt/0/9");
	}

	@Test
	void fallsBackToTheTopicNameForARecordWithoutOriginHeaders() {
		var record = new org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>("order.events-dlt", 0, 3L, null,
				DeadLetterRecords.bytes("not json"));

		var letter = DeadLetterHeaders.read(record, "order.events");

		assertThat(letter.originalTopic()).isEqualTo("order.events");
		assertThat(letter.originalPartition()).isNull();
		assertThat(letter.messageId()).isNull();
		assertThat(letter.reason()).isNull();
	}

	@Test
	void usesTheHeaderNamesOfTheLibrariesThatWriteThem() {
		assertThat(DeadLetterHeaders.ORIGINAL_TOPIC).isEqualTo(KafkaHeaders.DLT_ORIGINAL_TOPIC);
		assertThat(DeadLetterHeaders.ORIGINAL_PARTITION).isEqualTo(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		assertThat(DeadLetterHeaders.ORIGINAL_OFFSET).isEqualTo(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		assertThat(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP).isEqualTo(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		assertThat(DeadLetterHeaders.EXCEPTION_FQCN).isEqualTo(KafkaHeaders.DLT_EXCEPTION_FQCN);
		assertThat(DeadLetterHeaders.EXCEPTION_MESSAGE).isEqualTo(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		assertThat(DeadLetterHeaders.REASON).isEqualTo(MessageHeaderNames.DEAD_LETTER_REASON);
		assertThat(DeadLetterHeaders.MESSAGE_ID).isEqualTo(MessageHeaderNames.ID);
		assertThat(DeadLetterHeaders.TYPE).isEqualTo(MessageHeaderNames.TYPE);
	}

	private static String text(Header header) {
		return new String(header.value(), StandardCharsets.UTF_8);
	}
}
