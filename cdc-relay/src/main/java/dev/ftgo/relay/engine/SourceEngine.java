package dev.ftgo.relay.engine;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.ftgo.relay.RelaySettings;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Supervises the Debezium engine of one source database on a thread of its own: runs it, and when it fails
 * (database restarted, Kafka unreachable, slot busy) records the failure and recreates it after an
 * exponential backoff. Engines of other sources are unaffected.
 *
 * <p>Several relay instances may run (for availability): exactly one streams each source, the one holding the
 * source's PostgreSQL advisory lock, taken on a connection that lives as long as its engine. The others stand by
 * and ask again every second. The lock belongs to the database session, so it is released the moment its
 * holder dies, {@code kill -9} included, and a standby instance takes over from the stored offsets: it publishes
 * again at most the batch that was not acknowledged. It needs nothing but the source database, so it works the
 * same in the dev stack, in compose ({@code --scale cdc-relay=2}) and in Kubernetes ({@code replicas: 2}).
 */
final class SourceEngine {

	private static final Logger log = LoggerFactory.getLogger(SourceEngine.class);
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
	/** How often a standby instance asks for the source's lock: it takes over within about this after the active one died. */
	private static final Duration STANDBY_POLL = Duration.ofSeconds(1);
	// Debezium refuses close() while its tasks are starting; that phase is short
	private static final Duration CLOSE_RETRY_PAUSE = Duration.ofMillis(200);

	private final RelaySettings.Source source;
	private final RelaySettings.Engine settings;
	private final Properties debezium;
	private final RelayProducers producers;
	private final ExponentialBackOff backoff;
	private final SourceMetrics metrics;
	private final Clock clock;
	private final Object lock = new Object();

	private volatile EngineStatus status;
	private volatile boolean stopping;
	private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine; // guarded by lock
	private Thread supervisor;

	SourceEngine(RelaySettings.Source source, RelaySettings.Engine settings, RelayProducers producers, ExponentialBackOff backoff,
			MeterRegistry meters, Clock clock) {
		this.source = source;
		this.settings = settings;
		this.debezium = DebeziumProperties.of(source, settings);
		this.producers = producers;
		this.backoff = backoff;
		this.clock = clock;
		this.status = EngineStatus.starting(clock.instant());
		this.metrics = new SourceMetrics(meters, source.name(), this::isRunning, new SlotBacklog(source, settings.outboxTable(), clock));
	}

	String name() {
		return source.name();
	}

	RelaySettings.Source source() {
		return source;
	}

	EngineStatus status() {
		return status;
	}

	boolean isRunning() {
		return status.state() == EngineStatus.State.RUNNING;
	}

	synchronized void start() {
		supervisor = new Thread(this::supervise, "cdc-engine-" + source.name());
		supervisor.start();
	}

	private void supervise() {
		BackOffExecution pauses = backoff.start();
		while (!stopping) {
			Instant started = clock.instant();
			Throwable failure;
			try {
				OutboxTable outbox = OutboxTable.open(source, settings);
				if (!outbox.tryLead()) {
					outbox.close();
					standBy();
					if (!pauseUnlessStopping(STANDBY_POLL)) {
						break;
					}
					continue;
				}
				failure = runOnce(outbox);
			}
			catch (SQLException e) {
				failure = e;
			}
			if (stopping) {
				break;
			}
			// a run that outlasted the longest pause was healthy: its failure starts a new series
			if (Duration.between(started, clock.instant()).toMillis() > backoff.getMaxInterval()) {
				pauses = backoff.start();
			}
			Duration pause = Duration.ofMillis(pauses.nextBackOff());
			status = status.failed(failure, clock.instant());
			metrics.restarted();
			log.warn("CDC engine of {} failed; recreating it in {} ms: {}", source.name(), pause.toMillis(), status.lastError());
			log.debug("CDC engine of {} failed", source.name(), failure);
			if (!pauseUnlessStopping(pause)) {
				break;
			}
		}
		status = status.stopped(clock.instant());
	}

	/** Another relay instance streams this source; this one waits to take over when that one is gone. */
	private void standBy() {
		if (status.state() != EngineStatus.State.STANDBY) {
			status = status.standby(clock.instant());
			log.info("Another relay instance streams {} (it holds the source's lock); this one stands by to take over",
					source.name());
		}
	}

	/**
	 * Runs one engine, as the instance that holds the source's lock (on {@code outbox}'s connection, released when
	 * it closes), until it ends; returns why it ended, or {@code null} when asked to stop.
	 */
	private Throwable runOnce(OutboxTable outbox) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Producer<byte[], byte[]> producer = null;
		try (OutboxRouter router = new OutboxRouter(); outbox) {
			boolean republishFirst = prepareSlot(outbox);
			producer = producers.create(source.name());
			var published = new OutboxRows(outbox, producer, producers.ackTimeout());
			DebeziumEngine<RecordChangeEvent<SourceRecord>> created = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
					.using(debezium)
					.using((success, message, error) -> {
						if (!success) {
							failure.set(error != null ? error : new IllegalStateException(message));
						}
					})
					.using(new DebeziumEngine.ConnectorCallback() {
						@Override
						public void pollingStarted() {
							status = status.running(clock.instant());
							log.info("CDC engine of {} is streaming from slot {}", source.name(), source.slotName());
						}
					})
					.notifying(new KafkaBatchPublisher(router, producer, producers.ackTimeout(), metrics, published,
							republishFirst))
					.build();
			synchronized (lock) {
				if (!stopping) {
					engine = created;
				}
			}
			if (stopping) {
				close(created);
				return null;
			}
			created.run();
		}
		catch (RuntimeException | SQLException e) {
			failure.compareAndSet(null, e);
		}
		finally {
			synchronized (lock) {
				engine = null;
			}
			if (producer != null) {
				// records not acknowledged by now are re-read from the WAL by the next run
				producer.close(Duration.ZERO);
			}
		}
		if (stopping) {
			return null;
		}
		Throwable cause = failure.get();
		return cause != null ? cause : new IllegalStateException("the engine stopped by itself");
	}

	/**
	 * Makes sure the engine can stream without losing a message: the publication sends inserts only (the relay
	 * deletes published rows itself), and a slot that PostgreSQL invalidated ({@code max_slot_wal_keep_size}) or
	 * that is missing is given up with its stored position, so the engine creates a new one. Returns whether the
	 * rows left in the outbox must be republished before the engine's first batch: whenever the engine has no
	 * stored position to resume from, what committed before its starting point is only in the table.
	 */
	private boolean prepareSlot(OutboxTable outbox) throws SQLException {
		outbox.ensureInsertOnlyPublication();
		OutboxTable.SlotState slot = outbox.slotState();
		if (slot == OutboxTable.SlotState.LOST) {
			String why = "Replication slot " + source.slotName() + " of " + source.name() + " was invalidated: PostgreSQL"
					+ " removed WAL it still needed (max_slot_wal_keep_size). Messages are not lost: the relay republishes"
					+ " the rows left in the outbox, then streams from a new slot";
			log.error(why);
			metrics.slotLost();
			status = status.slotLost(why, clock.instant());
		}
		if (slot != OutboxTable.SlotState.USABLE) {
			outbox.forgetSlot();
			return true;
		}
		return !outbox.hasStoredPosition();
	}

	private boolean pauseUnlessStopping(Duration pause) {
		long deadline = System.nanoTime() + pause.toNanos();
		synchronized (lock) {
			try {
				long remaining;
				while (!stopping && (remaining = deadline - System.nanoTime()) > 0) {
					lock.wait(Math.max(1, remaining / 1_000_000));
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
			return !stopping;
		}
	}

	/** Stops the engine gracefully: the batch in hand is finished and its offsets are committed. */
	void stop() {
		stopping = true;
		DebeziumEngine<RecordChangeEvent<SourceRecord>> running;
		synchronized (lock) {
			lock.notifyAll();
			running = engine;
		}
		if (running != null) {
			close(running);
		}
		Thread thread;
		synchronized (this) {
			thread = supervisor;
		}
		if (thread != null) {
			try {
				thread.join(STOP_TIMEOUT.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void close(DebeziumEngine<RecordChangeEvent<SourceRecord>> running) {
		long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
		while (true) {
			try {
				running.close();
				return;
			}
			catch (IllegalStateException e) {
				// any other refusal ("already shutting down") means the engine is ending anyway
				boolean starting = e.getMessage() != null && e.getMessage().contains("tasks are starting");
				if (!starting || System.nanoTime() > deadline) {
					log.debug("CDC engine of {} not closed: {}", source.name(), e.getMessage());
					return;
				}
				pauseBeforeRetry();
			}
			catch (IOException e) {
				log.warn("Could not close the CDC engine of {}", source.name(), e);
				return;
			}
		}
	}

	private void pauseBeforeRetry() {
		synchronized (lock) {
			try {
				lock.wait(CLOSE_RETRY_PAUSE.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
