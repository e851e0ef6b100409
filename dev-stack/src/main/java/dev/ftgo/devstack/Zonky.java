package dev.ftgo.devstack;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** What dev-stack needs to know about zonky's embedded PostgreSQL, kept in one place. */
final class Zonky {

	// Services may start in parallel and reconnect in bursts; 200 leaves room for every pool and the relay.
	private static final String MAX_CONNECTIONS = "200";
	/**
	 * The most WAL a replication slot may hold back ({@code max_slot_wal_keep_size}), so a relay that stays away
	 * cannot fill the disk: past it PostgreSQL invalidates the slot, and the relay republishes from the outbox
	 * table when it returns. Set {@code FTGO_MAX_SLOT_WAL_KEEP_SIZE} (or {@code -Dftgo.max-slot-wal-keep-size})
	 * to change it, e.g. {@code 256MB}; {@code -1} lifts the cap.
	 */
	static final String DEFAULT_MAX_SLOT_WAL_KEEP_SIZE = "1GB";
	// Crash recovery after a kill on a busy 2-core machine can take longer than zonky's 10 s default.
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private Zonky() {
	}

	static String maxSlotWalKeepSize() {
		String configured = System.getProperty("ftgo.max-slot-wal-keep-size", System.getenv("FTGO_MAX_SLOT_WAL_KEEP_SIZE"));
		return configured == null || configured.isBlank() ? DEFAULT_MAX_SLOT_WAL_KEEP_SIZE : configured.trim();
	}

	/** Initialises the data directory if it is new, starts the server and waits until it answers. */
	static EmbeddedPostgres start(Path dataDir, int port, Path logFile) throws IOException {
		ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
		return EmbeddedPostgres.builder()
				.setPgBinaryResolver(PostgresBinaries.forThisMachine())
				.setDataDirectory(dataDir)
				// the data outlives a stop, so that the same server can start again (zonky logs "Did not clean up
				// directory" at each stop for that reason); a temporary server's owner deletes it (PostgresServer#close)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(STARTUP_WAIT)
				// logical decoding for the outbox relay (Debezium), one slot and sender per service database
				.setServerConfig("wal_level", "logical")
				.setServerConfig("max_wal_senders", "10")
				.setServerConfig("max_replication_slots", "10")
				.setServerConfig("max_slot_wal_keep_size", maxSlotWalKeepSize())
				.setServerConfig("max_connections", MAX_CONNECTIONS)
				// zonky turns this off for speed; a killed server would then lose acknowledged commits
				.setServerConfig("synchronous_commit", "on")
				.setOutputRedirector(log)
				.setErrorRedirector(log)
				.start();
	}

	/**
	 * Lets go of an instance whose server was killed. zonky has no API for that: close() runs
	 * {@code pg_ctl stop}, which fails when nothing runs and is logged as an error with a stack trace,
	 * and the shutdown hook zonky registered would do the same at exit. So the instance is marked closed
	 * and its lock on the data directory released directly; should zonky's internals change, close()
	 * still does the job, only noisily.
	 */
	static void releaseKilled(EmbeddedPostgres killed) throws IOException {
		try {
			AtomicBoolean closed = (AtomicBoolean) field("closed").get(killed);
			if (closed.getAndSet(true)) {
				return;
			}
			FileLock lock = (FileLock) field("lock").get(killed);
			if (lock != null) {
				lock.release();
			}
			((Closeable) field("lockStream").get(killed)).close();
		} catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
			killed.close();
		}
	}

	private static Field field(String name) throws NoSuchFieldException {
		Field field = EmbeddedPostgres.class.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}
}
