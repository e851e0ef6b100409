package dev.ftgo.relay.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Publishes the rows still in a source's outbox, oldest first, and deletes each chunk once Kafka acknowledged it.
 * Run before an engine publishes anything from a slot that has no stored position (new, re-created after it was
 * lost, or never committed): the rows that committed before the slot's starting point are only in the table.
 * A row that is in both the table and the slot goes out once: the engine skips the messages republished here when
 * the slot brings them. Each aggregate's messages arrive in order, since all of the table's go before any of the
 * slot's that were not in the table.
 */
final class Republish {

	private static final int CHUNK = 1000;

	private Republish() {
	}

	/** Returns the message ids of the rows published. */
	static Set<UUID> run(OutboxTable outbox, Producer<byte[], byte[]> producer, Duration ackTimeout) {
		Set<UUID> published = new HashSet<>();
		long after = 0;
		try {
			while (true) {
				List<OutboxTable.Row> rows = outbox.remaining(after, CHUNK);
				if (rows.isEmpty()) {
					return published;
				}
				List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
				for (OutboxTable.Row row : rows) {
					acks.add(producer.send(row.record()));
				}
				long deadline = System.nanoTime() + ackTimeout.toNanos();
				for (Future<RecordMetadata> ack : acks) {
					ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				outbox.delete(rows.stream().map(OutboxTable.Row::id).toList());
				rows.forEach(row -> published.add(row.id()));
				after = rows.get(rows.size() - 1).seq();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read or delete the outbox rows to republish: " + e.getMessage(), e);
		}
		catch (KafkaException | ExecutionException e) {
			throw new KafkaPublishException("Kafka did not take a republished outbox row: " + e.getMessage(), e);
		}
		catch (TimeoutException e) {
			throw new KafkaPublishException("Kafka did not acknowledge republished outbox rows within " + ackTimeout, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new KafkaPublishException("Interrupted while republishing outbox rows", e);
		}
	}
}
