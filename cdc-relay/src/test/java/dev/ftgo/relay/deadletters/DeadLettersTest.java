package dev.ftgo.relay.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ftgo.relay.RelaySettings;

/** Listing and replaying, with Kafka's reads and the replay ledger mocked and Kafka's own MockProducer. */
class DeadLettersTest {

	private static final String DLT = "consumer.commands-dlt";
	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private final KafkaReads reads = mock(KafkaReads.class);
	private final ReplayLedger ledger = mock(ReplayLedger.class);
	private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
			new ByteArraySerializer());
	private final Map<DeadLetterId, Replay> recorded = new HashMap<>();
	private DeadLetters deadLetters;

	@BeforeEach
	void wire() {
		var topics = new RelaySettings.Topics(true, List.of("order.events", "consumer.commands"), 3, (short) 1, null, "-dlt");
		var settings = new DeadLetterSettings("ftgo.dead-letters.replays", 2, 5, Duration.ofSeconds(5));
		deadLetters = new DeadLetters(new DeadLetterTopics(topics), reads, ledger, producer, settings,
				Clock.fixed(NOW, ZoneOffset.UTC));
		given(ledger.replays()).willAnswer(call -> Map.copyOf(recorded));
		org.mockito.Mockito.doAnswer(call -> {
			Replay replay = call.getArgument(1);
			recorded.put(replay.deadLetter(), replay);
			return null;
		}).when(ledger).record(any(), any());
	}

	@Test
	void listsTheNewestDeadLettersOfEveryTopicFirstUpToTheLimit() {
		// built before the stubbing: they come from a recoverer writing to a mock
		var oldest = DeadLetterRecords.parked(0, 1, 1_000, "m-1");
		var newest = DeadLetterRecords.parked(1, 0, 3_000, "m-3");
		var middle = DeadLetterRecords.parked(0, 0, 2_000, "m-2");
		given(reads.newest(DLT, 2)).willReturn(List.of(oldest, newest));
		given(reads.newest("order.events-dlt", 2)).willReturn(List.of(middle));

		var listed = deadLetters.list(Optional.empty(), null);

		assertThat(listed).extracting(entry -> entry.deadLetter().messageId()).containsExactly("m-3", "m-2");
	}

	@Test
	void showsWhichDeadLettersWereReplayed() {
		var parked = DeadLetterRecords.parked(0, 1, 1_000, "m-1");
		given(reads.newest(DLT, 5)).willReturn(List.of(parked));
		var id = new DeadLetterId(DLT, 0, 1);
		recorded.put(id, new Replay(id, "consumer.commands", 2, 30, "admin", NOW));

		var listed = deadLetters.list(Optional.of(DLT), 5);

		assertThat(listed).singleElement().satisfies(entry -> assertThat(entry.replay()).hasValueSatisfying(
				replay -> assertThat(replay.replayedBy()).isEqualTo("admin")));
	}

	@Test
	void refusesALimitOutOfRangeAndATopicThatIsNoDeadLetterTopic() {
		assertThatThrownBy(() -> deadLetters.list(Optional.empty(), 6)).isInstanceOf(InvalidDeadLetterRequestException.class);
		assertThatThrownBy(() -> deadLetters.list(Optional.empty(), 0)).isInstanceOf(InvalidDeadLetterRequestException.class);
		assertThatThrownBy(() -> deadLetters.list(Optional.of("consumer.commands"), 1))
			.isInstanceOf(UnknownDeadLetterTopicException.class);
	}

	@Test
	void replaysTheSameKeyPayloadAndMessageIdToTheOriginalTopicAndRecordsWhoAsked() {
		var id = new DeadLetterId(DLT, 1, 4);
		var parked = DeadLetterRecords.parked(1, 4, 1_000, "m-1");
		given(reads.at(id)).willReturn(Optional.of(parked));

		var replay = deadLetters.replay(id, "admin", false);

		assertThat(producer.history()).singleElement().satisfies(copy -> {
			assertThat(copy.topic()).isEqualTo("consumer.commands");
			assertThat(copy.partition()).as("chosen by key, as the relay publishes").isNull();
			assertThat(new String(copy.key(), StandardCharsets.UTF_8)).isEqualTo("c-1");
			assertThat(new String(copy.value(), StandardCharsets.UTF_8)).isEqualTo(DeadLetterRecords.PAYLOAD);
			assertThat(new String(copy.headers().lastHeader("id").value(), StandardCharsets.UTF_8)).isEqualTo("m-1");
			assertThat(copy.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC)).isNull();
		});
		assertThat(replay).extracting(Replay::deadLetter, Replay::topic, Replay::replayedBy, Replay::replayedAt)
			.containsExactly(id, "consumer.commands", "admin", NOW);
		verify(ledger).record(producer, replay);
	}

	@Test
	void refusesToReplayADeadLetterTwiceUnlessForced() {
		var id = new DeadLetterId(DLT, 1, 4);
		var parked = DeadLetterRecords.parked(1, 4, 1_000, "m-1");
		given(reads.at(id)).willReturn(Optional.of(parked));
		deadLetters.replay(id, "admin", false);

		assertThatThrownBy(() -> deadLetters.replay(id, "other-admin", false)).isInstanceOf(AlreadyReplayedException.class)
			.hasMessageContaining("by admin");
		assertThat(producer.history()).hasSize(1);

		assertThat(deadLetters.replay(id, "other-admin", true).replayedBy()).isEqualTo("other-admin");
		assertThat(producer.history()).hasSize(2);
	}

	@Test
	void replaysAWholeTopicSkippingWhatWasReplayedBefore() {
		var before = new DeadLetterId(DLT, 0, 1);
		recorded.put(before, new Replay(before, "consumer.commands", 2, 30, "admin", NOW));
		var parked = List.of(DeadLetterRecords.parked(0, 1, 1_000, "m-1"), DeadLetterRecords.parked(0, 2, 1_000, "m-2"),
				DeadLetterRecords.parked(2, 0, 1_000, "m-3"));
		given(reads.all(DLT)).willReturn(parked);

		var result = deadLetters.replayAll(DLT, "admin");

		assertThat(result.replayed()).extracting(replay -> replay.deadLetter().toString())
			.containsExactly(DLT + "/0/2", DLT + "/2/0");
		assertThat(result.skipped()).extracting(entry -> entry.deadLetter().messageId()).containsExactly("m-1");
		assertThat(producer.history()).hasSize(2);
	}

	@Test
	void answersNotFoundForAnOffsetWithoutARecordAndSendsNothing() {
		var id = new DeadLetterId(DLT, 0, 99);
		given(reads.at(id)).willReturn(Optional.empty());

		assertThatThrownBy(() -> deadLetters.show(id)).isInstanceOf(DeadLetterNotFoundException.class);
		assertThatThrownBy(() -> deadLetters.replay(id, "admin", false)).isInstanceOf(DeadLetterNotFoundException.class);
		assertThat(producer.history()).isEmpty();
		verify(ledger, never()).record(any(), any());
	}

	@Test
	void readsNothingForATopicThatIsNoDeadLetterTopic() {
		assertThatThrownBy(() -> deadLetters.replayAll("order.events", "admin"))
			.isInstanceOf(UnknownDeadLetterTopicException.class);
		verify(reads, never()).all(any());
		verify(reads, never()).newest(any(), anyInt());
		verify(reads, never()).at(eq(new DeadLetterId("order.events", 0, 0)));
	}
}
