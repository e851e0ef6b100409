package dev.ftgo.relay.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.Producer;

/** The outbox rows of one engine run: deleted once published, republished from the table when the slot cannot. */
final class OutboxRows implements KafkaBatchPublisher.PublishedRows {

	private final OutboxTable outbox;
	private final Producer<byte[], byte[]> producer;
	private final Duration ackTimeout;

	OutboxRows(OutboxTable outbox, Producer<byte[], byte[]> producer, Duration ackTimeout) {
		this.outbox = outbox;
		this.producer = producer;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void acknowledged(List<UUID> messageIds) {
		try {
			outbox.delete(messageIds);
		}
		catch (SQLException e) {
			// the engine fails and re-reads the batch: published again, and deleted then
			throw new IllegalStateException("Could not delete the outbox rows of published messages: " + e.getMessage(), e);
		}
	}

	@Override
	public Set<UUID> republishRemaining() {
		return Republish.run(outbox, producer, ackTimeout);
	}
}
