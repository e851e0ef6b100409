package dev.ftgo.relay.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ftgo.relay.RelaySettings;

/**
 * How many bytes of WAL the source database has written beyond what the relay confirmed from its slot: the
 * replication backlog, the WAL a stalled relay makes PostgreSQL keep (up to {@code max_slot_wal_keep_size}); and how
 * many rows the outbox holds, the messages not yet published.
 *
 * <p>Read on demand by the metrics endpoint, over a short-lived connection with short timeouts, at most once per
 * {@link #MAX_AGE}: a scrape never waits long and never holds a connection. {@code NaN} when it cannot be known
 * (database unreachable, slot not created yet, no outbox table).
 */
final class SlotBacklog {

	private static final Logger log = LoggerFactory.getLogger(SlotBacklog.class);

	/** Scrapes come every 15 s or so; anything faster (several scrapers, /actuator/metrics) reuses the reading. */
	static final Duration MAX_AGE = Duration.ofSeconds(5);
	// seconds, as the PostgreSQL driver takes them: a scrape waits at most this for an unreachable database
	private static final String TIMEOUT_SECONDS = "2";
	private static final String QUERY = """
			SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)
			FROM pg_replication_slots WHERE slot_name = ?""";

	private final RelaySettings.Source source;
	private final String outboxCount;
	private final Clock clock;
	// the driver itself rather than DriverManager, which may not see it from an executable jar's class loader
	private final Driver driver = new Driver();
	private Instant readAt = Instant.MIN; // guarded by this
	private double bytes = Double.NaN; // guarded by this
	private double rows = Double.NaN; // guarded by this
	private boolean failing; // guarded by this

	SlotBacklog(RelaySettings.Source source, String outboxTable, Clock clock) {
		this.source = source;
		this.outboxCount = "SELECT count(*) FROM " + outboxTable;
		this.clock = clock;
	}

	synchronized double bytes() {
		refresh();
		return bytes;
	}

	/**
	 * The rows in the source's outbox: messages not yet published (or published, with their delete in flight). A
	 * few at most while the relay keeps up; during an outage it grows with every message the service sends.
	 */
	synchronized double rows() {
		refresh();
		return rows;
	}

	private void refresh() {
		Instant now = clock.instant();
		if (Duration.between(readAt, now).compareTo(MAX_AGE) >= 0) {
			read();
			readAt = now;
		}
	}

	private void read() {
		Properties login = new Properties();
		login.setProperty("user", source.username());
		login.setProperty("password", source.password());
		login.setProperty("connectTimeout", TIMEOUT_SECONDS);
		login.setProperty("loginTimeout", TIMEOUT_SECONDS);
		login.setProperty("socketTimeout", TIMEOUT_SECONDS);
		login.setProperty("ApplicationName", "cdc-relay backlog");
		try (Connection connection = driver.connect(source.jdbcUrl(), login);
				PreparedStatement query = connection.prepareStatement(QUERY);
				PreparedStatement count = connection.prepareStatement(outboxCount)) {
			query.setString(1, source.slotName());
			try (ResultSet row = query.executeQuery()) {
				// no row: the engine has not created its slot yet; NULL: the slot has never confirmed a position
				bytes = row.next() && row.getObject(1) != null ? row.getDouble(1) : Double.NaN;
			}
			try (ResultSet row = count.executeQuery()) {
				rows = row.next() ? row.getDouble(1) : Double.NaN;
			}
			recovered();
		}
		catch (SQLException e) {
			failed(e);
			bytes = Double.NaN;
			rows = Double.NaN;
		}
	}

	private void failed(SQLException e) {
		// once per outage: the engine's own failure is what the operator needs to see, this is a consequence
		if (!failing) {
			log.info("Replication backlog of {} unknown until its database answers: {}", source.name(), e.getMessage());
		}
		failing = true;
	}

	private void recovered() {
		failing = false;
	}
}
