package dev.ftgo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.source.SourceRecord;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

/**
 * The relay's ceiling: a bare Debezium engine, built as the relay builds its engines (the same connector,
 * publication, snapshot mode, poll interval and heartbeats), whose consumer only counts and commits. It reads
 * order-service's outbox through a slot of its own, so the relay's slot and offsets are untouched; the slot is
 * dropped by {@link #close()}.
 *
 * <p>{@link #prepare()} creates the slot and commits a starting position (a heartbeat), so the rows inserted
 * afterwards are a backlog, as they are for the stopped relay; {@link #drain(long, long)} then times how long the
 * engine takes to read that backlog.
 */
final class DebeziumNoopDrain implements AutoCloseable {

	static final String SLOT = "ftgo_bench_debezium_noop";
	// the relay's publication of order-service's outbox (inserts only); the relay created it when it started
	private static final String PUBLICATION = "ftgo_relay_order_service";
	private static final String HEARTBEAT_PREFIX = "ftgo-bench-heartbeat";

	private final String jdbcUrl;
	private final String user;
	private final Properties properties;
	private final Path offsets;

	DebeziumNoopDrain(String host, int port, String database, String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
		this.user = database;
		try {
			this.offsets = Files.createTempFile("ftgo-bench-debezium-offsets", ".dat");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.properties = properties(host, port, database, offsets);
		dropSlot(); // one an interrupted run left behind
	}

	private static Properties properties(String host, int port, String database, Path offsets) {
		var properties = new Properties();
		properties.setProperty("name", "ftgo-bench-debezium-noop");
		properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		properties.setProperty("topic.prefix", "bench-noop");
		properties.setProperty("database.hostname", host);
		properties.setProperty("database.port", Integer.toString(port));
		properties.setProperty("database.dbname", database);
		properties.setProperty("database.user", database);
		properties.setProperty("database.password", database);
		properties.setProperty("plugin.name", "pgoutput");
		properties.setProperty("slot.name", SLOT);
		properties.setProperty("publication.name", PUBLICATION);
		properties.setProperty("publication.autocreate.mode", "disabled");
		properties.setProperty("table.include.list", "public.outbox");
		properties.setProperty("snapshot.mode", "no_data");
		properties.setProperty("tombstones.on.delete", "false");
		properties.setProperty("extended.headers.enabled", "false");
		// cdc-relay's application.yml sets this one Debezium default differently
		properties.setProperty("poll.interval.ms", "20");
		// a heartbeat commits the slot's starting position before the backlog is written (see prepare)
		properties.setProperty("heartbeat.interval.ms", "100");
		properties.setProperty("heartbeat.action.query",
				"SELECT pg_logical_emit_message(true, '" + HEARTBEAT_PREFIX + "', now()::text)");
		properties.setProperty("message.prefix.exclude.list", HEARTBEAT_PREFIX);
		properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
		properties.setProperty("offset.storage.file.filename", offsets.toString());
		properties.setProperty("offset.flush.interval.ms", "0");
		properties.setProperty("errors.max.retries", "0");
		return properties;
	}

	/** Creates the slot and commits the engine's position there, so that rows written from now on are its backlog. */
	void prepare(long timeoutMillis) {
		run(timeoutMillis, (records, committed) -> committed.get() > 0 && nonEmpty(offsets), "commit a starting position");
	}

	/**
	 * Reads the backlog of {@code rows} outbox inserts and returns the seconds from the first record handed to the
	 * consumer to the last.
	 */
	double drain(long rows, long timeoutMillis) {
		long[] firstAndLast = new long[2];
		run(timeoutMillis, (records, committed) -> {
			if (records.get() > 0 && firstAndLast[0] == 0) {
				firstAndLast[0] = System.nanoTime();
			}
			if (records.get() >= rows) {
				firstAndLast[1] = System.nanoTime();
				return true;
			}
			return false;
		}, "read " + rows + " outbox rows");
		return Math.max(1e-3, (firstAndLast[1] - firstAndLast[0]) / 1e9);
	}

	/** What decides that a run of the engine is done, asked after every batch on the engine's thread. */
	private interface Done {
		boolean test(AtomicLong outboxRecords, AtomicLong committed);
	}

	private void run(long timeoutMillis, Done done, String what) {
		var outboxRecords = new AtomicLong();
		var committed = new AtomicLong();
		var finished = new CountDownLatch(1);
		var failure = new Throwable[1];
		DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> countOnly = (batch, committer) -> {
			for (RecordChangeEvent<SourceRecord> event : batch) {
				if (!isHeartbeat(event.record())) {
					outboxRecords.incrementAndGet();
				}
				committer.markProcessed(event);
				committed.incrementAndGet();
			}
			committer.markBatchFinished();
			if (done.test(outboxRecords, committed)) {
				finished.countDown();
			}
		};
		ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-debezium-noop"));
		try (DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
				.using(properties)
				.using((success, message, error) -> {
					if (!success) {
						failure[0] = error != null ? error : new IllegalStateException(message);
					}
					finished.countDown();
				})
				.notifying(countOnly)
				.build()) {
			thread.execute(engine);
			if (!finished.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("The bare Debezium engine did not " + what + " within " + timeoutMillis
						+ " ms (" + outboxRecords.get() + " outbox records read)");
			}
			if (failure[0] != null && !done.test(outboxRecords, committed)) {
				throw new IllegalStateException("The bare Debezium engine failed: " + failure[0].getMessage(), failure[0]);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the bare Debezium engine ran", e);
		}
		finally {
			thread.shutdown();
			awaitQuietly(thread);
		}
	}

	private static boolean isHeartbeat(SourceRecord record) {
		return record.topic() != null && record.topic().startsWith("__debezium-heartbeat");
	}

	private static boolean nonEmpty(Path file) {
		try {
			return Files.size(file) > 0;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static void awaitQuietly(ExecutorService thread) {
		try {
			thread.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Drops the slot (or it would pin WAL for good) and the offsets file. */
	@Override
	public void close() {
		try {
			dropSlot();
		}
		finally {
			try {
				Files.deleteIfExists(offsets);
			}
			catch (IOException e) {
				// a temp file: the OS cleans it eventually
			}
		}
	}

	private void dropSlot() {
		try (Connection connection = DriverManager.getConnection(jdbcUrl, user, user);
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
					+ " WHERE slot_name = '" + SLOT + "' AND NOT active");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not drop the bench's replication slot " + SLOT + ": " + e.getMessage(), e);
		}
	}
}
