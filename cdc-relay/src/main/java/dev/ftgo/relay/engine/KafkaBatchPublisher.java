package dev.ftgo.relay.engine;

import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.connect.source.SourceRecord;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;

/**
 * Publishes a batch of change events and only then marks them processed: every record of the batch is sent,
 * all acknowledgements are awaited, and only if every one arrived are their outbox rows deleted and the events
 * marked, so a stored offset never covers a record Kafka does not have, and a row leaves the outbox only once it
 * is published. Any failure fails the engine; its restart re-reads the batch.
 */
final class KafkaBatchPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

	private final OutboxRouter router;
	private final Producer<byte[], byte[]> producer;
	private final Duration ackTimeout;
	private final SourceMetrics metrics;
	private final PublishedRows published;
	private boolean republishFirst;
	/** Messages the republish sent that the slot may still bring: sent once is enough. */
	private Set<UUID> republished = Set.of();

	/**
	 * @param published where the rows of acknowledged messages are deleted
	 * @param republishFirst whether the rows still in the outbox are republished before the first batch: the
	 *        engine starts from a slot without a stored position, and rows committed before it are only in the table
	 */
	KafkaBatchPublisher(OutboxRouter router, Producer<byte[], byte[]> producer, Duration ackTimeout, SourceMetrics metrics,
			PublishedRows published, boolean republishFirst) {
		this.router = router;
		this.producer = producer;
		this.ackTimeout = ackTimeout;
		this.metrics = metrics;
		this.published = published;
		this.republishFirst = republishFirst;
	}

	/** What becomes of the outbox rows of acknowledged messages, and of those left over from before the slot. */
	interface PublishedRows {

		/** Deletes the rows of these messages, which Kafka has acknowledged. */
		void acknowledged(List<UUID> messageIds);

		/** Publishes every row still in the outbox, oldest first; returns their message ids. */
		Set<UUID> republishRemaining();
	}

	private record InFlight(Future<RecordMetadata> ack, Instant committedAt, UUID messageId) {
	}

	@Override
	public void handleBatch(List<RecordChangeEvent<SourceRecord>> events,
			DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
		if (republishFirst) {
			republished = new HashSet<>(published.republishRemaining());
			metrics.republished(republished.size());
			republishFirst = false;
		}
		List<InFlight> inFlight = new ArrayList<>();
		for (RecordChangeEvent<SourceRecord> event : events) {
			router.route(event.record())
				.filter(routed -> republished.isEmpty() || !republished.remove(routed.messageId()))
				.ifPresent(routed -> inFlight.add(new InFlight(send(routed), routed.committedAt(), routed.messageId())));
		}
		boolean interrupted = awaitAcknowledgements(inFlight);
		// before the offsets: a crash in between re-reads the batch and publishes it again, never loses a row
		published.acknowledged(inFlight.stream().map(InFlight::messageId).toList());
		for (RecordChangeEvent<SourceRecord> event : events) {
			committer.markProcessed(event);
		}
		if (interrupted) {
			// the engine is stopping and commits the marked offsets itself; a commit here would be interrupted
			Thread.currentThread().interrupt();
			return;
		}
		committer.markBatchFinished();
	}

	@Override
	public boolean supportsTombstoneEvents() {
		return false;
	}

	private Future<RecordMetadata> send(OutboxRouter.Routed routed) {
		try {
			return producer.send(routed.record());
		}
		catch (KafkaException e) {
			throw new KafkaPublishException("Could not send to " + routed.record().topic(), e);
		}
	}

	/**
	 * Waits for every acknowledgement, through an interrupt too: when the engine stops mid-batch, records
	 * that Kafka acknowledges are still marked, so a graceful restart publishes nothing twice. The wait is
	 * bounded because the producer completes every send within its delivery timeout.
	 *
	 * @return whether the thread was interrupted meanwhile
	 */
	private boolean awaitAcknowledgements(List<InFlight> inFlight) {
		boolean interrupted = false;
		long deadline = System.nanoTime() + ackTimeout.toNanos();
		try {
			for (InFlight record : inFlight) {
				while (true) {
					try {
						record.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
						break;
					}
					catch (InterruptedException e) {
						interrupted = true;
					}
				}
			}
		}
		catch (ExecutionException e) {
			restoreInterrupt(interrupted);
			throw new KafkaPublishException("Kafka did not acknowledge a record: " + e.getCause().getMessage(), e.getCause());
		}
		catch (TimeoutException e) {
			restoreInterrupt(interrupted);
			throw new KafkaPublishException("Kafka did not acknowledge a record within " + ackTimeout, e);
		}
		Instant acknowledgedAt = Instant.now();
		inFlight.forEach(record -> metrics.relayed(record.committedAt(), acknowledgedAt));
		return interrupted;
	}

	private static void restoreInterrupt(boolean interrupted) {
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
