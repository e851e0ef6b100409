package dev.ftgo.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Keeps a table of remembered ids bounded by deleting the rows older than a retention, every interval, on a
 * thread of its own (so a service need not enable Spring's scheduling for it). The inbox's
 * {@code processed_message} is purged this way, and so is anything else that remembers requests or messages
 * only for as long as they can come again (order-service's idempotency keys). The retention must stay longer
 * than that window.
 */
public final class RetentionPurge implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcOperations jdbc;
	private final String table;
	private final String purge;
	private final Duration retention;
	private final Duration interval;
	private ScheduledExecutorService scheduler;

	/**
	 * @param table the table to purge
	 * @param timestampColumn when each row was written
	 */
	public RetentionPurge(JdbcOperations jdbc, String table, String timestampColumn, Duration retention,
			Duration interval) {
		if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timestampColumn).matches()) {
			throw new IllegalArgumentException("Not a plain table and column name: " + table + "." + timestampColumn);
		}
		if (retention.isNegative() || retention.isZero() || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("The retention and the interval of purging " + table + " must be positive");
		}
		this.jdbc = jdbc;
		this.table = table;
		this.purge = "DELETE FROM " + table + " WHERE " + timestampColumn + " < now() - ? * interval '1 second'";
		this.retention = retention;
		this.interval = interval;
	}

	/** Purges {@code processed_message} as {@code ftgo.messaging.inbox.*} says. */
	static RetentionPurge processedMessages(JdbcOperations jdbc, MessagingSettings.Inbox settings) {
		return new RetentionPurge(jdbc, "processed_message", "processed_at", settings.retention(), settings.purgeInterval());
	}

	/** Deletes the rows older than the retention; returns how many. */
	public int purge() {
		return jdbc.update(purge, retention.toSeconds());
	}

	private void purgeLogged() {
		try {
			int deleted = purge();
			log.debug("Purged {} {} rows older than {}", deleted, table, retention);
		}
		catch (DataAccessException e) {
			// the database may be down for a while; the next run catches up
			log.warn("Could not purge {}: {}", table, e.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, table + "-purge");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::purgeLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
