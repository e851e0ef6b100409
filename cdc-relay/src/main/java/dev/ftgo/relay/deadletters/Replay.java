package dev.ftgo.relay.deadletters;

import java.time.Instant;

/**
 * A dead letter sent back to its original topic.
 *
 * @param deadLetter the record that was replayed
 * @param topic the topic it went to
 * @param partition the partition Kafka chose by its key
 * @param offset where the copy is on {@code topic}
 * @param replayedBy the subject of the caller's token
 */
public record Replay(DeadLetterId deadLetter, String topic, int partition, long offset, String replayedBy,
		Instant replayedAt) {
}
