package dev.ftgo.relay.deadletters.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ftgo.relay.deadletters.DeadLetter;
import dev.ftgo.relay.deadletters.DeadLetterId;
import dev.ftgo.relay.deadletters.DeadLetters;
import dev.ftgo.relay.deadletters.Replay;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the admin API answers with. */
final class DeadLetterResponses {

	private DeadLetterResponses() {
	}

	@Schema(description = "Where a record is: topic, partition and offset")
	record Position(String topic, int partition, long offset) {

		static Position of(DeadLetterId id) {
			return new Position(id.topic(), id.partition(), id.offset());
		}
	}

	@Schema(description = "A replay: the dead letter, where its copy went, who asked and when")
	record ReplayView(Position deadLetter, Position sentTo, String replayedBy, Instant replayedAt) {

		static ReplayView of(Replay replay) {
			return new ReplayView(Position.of(replay.deadLetter()),
					new Position(replay.topic(), replay.partition(), replay.offset()), replay.replayedBy(), replay.replayedAt());
		}
	}

	@Schema(description = "A dead-lettered record: the message it carries and why it was parked")
	record DeadLetterView(String topic, int partition, long offset, String key, String type, String messageId,
			@Schema(description = "The topic it was consumed from; a replay sends it there") String originalTopic,
			Integer originalPartition, Long originalOffset,
			@Schema(description = "The consumer group that gave up on it") String subscriber,
			@Schema(description = "The exception class Spring Kafka recorded") String exceptionClass,
			@Schema(description = "Why it was parked: the root cause of the last failure") String reason,
			@Schema(description = "When it was written to the dead-letter topic") Instant parkedAt,
			@Schema(description = "The latest replay, null if never replayed") ReplayView replay) {

		static DeadLetterView of(DeadLetters.Entry entry) {
			DeadLetter letter = entry.deadLetter();
			return new DeadLetterView(letter.id().topic(), letter.id().partition(), letter.id().offset(), letter.key(),
					letter.type(), letter.messageId(), letter.originalTopic(), letter.originalPartition(),
					letter.originalOffset(), letter.subscriber(), letter.exceptionClass(), letter.reason(), letter.parkedAt(),
					entry.replay().map(ReplayView::of).orElse(null));
		}
	}

	@Schema(description = "A dead-lettered record with its message headers and payload")
	record DeadLetterDetails(DeadLetterView deadLetter,
			@Schema(description = "The message's own headers (id, type, correlationId, ...)") Map<String, String> headers,
			// Object, not JsonNode: springdoc would describe the node class's own accessors instead of any JSON value
			@Schema(description = "The record value: its JSON, or a string when it is not JSON") Object payload) {

		static DeadLetterDetails of(DeadLetters.Entry entry, JsonMapper json) {
			return new DeadLetterDetails(DeadLetterView.of(entry), entry.deadLetter().messageHeaders(),
					payload(entry.deadLetter().payload(), json));
		}

		/** A poison message may be anything: what does not parse is shown as text. */
		private static JsonNode payload(byte[] value, JsonMapper json) {
			if (value == null) {
				return null;
			}
			try {
				return json.readTree(value);
			}
			catch (JacksonException notJson) {
				return json.valueToTree(new String(value, StandardCharsets.UTF_8));
			}
		}
	}

	@Schema(description = "The newest dead letters first")
	record DeadLetterList(@Schema(description = "Every dead-letter topic the relay knows") List<String> topics,
			List<DeadLetterView> deadLetters) {
	}

	@Schema(description = "What a replay of a whole dead-letter topic did")
	record TopicReplayView(List<ReplayView> replayed,
			@Schema(description = "Records left alone because they were replayed before") List<DeadLetterView> skipped) {

		static TopicReplayView of(DeadLetters.TopicReplay replay) {
			return new TopicReplayView(replay.replayed().stream().map(ReplayView::of).toList(),
					replay.skipped().stream().map(DeadLetterView::of).toList());
		}
	}
}
