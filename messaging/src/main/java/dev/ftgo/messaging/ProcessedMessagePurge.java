package dev.ftgo.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Keeps {@code processed_message} bounded by deleting rows older than the retention. A row is only needed
 * while its message can still be redelivered; the retention must stay longer than that window.
 * Runs on its own thread, so a service need not enable Spring's scheduling for it.
 */
final class ProcessedMessagePurge implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessedMessagePurge.class);

	private static final String PURGE = "DELETE FROM processed_message WHERE processed_at < now() - ? * interval '1 second'";

	private final JdbcOperations jdbc;
	private final Duration retention;
	private final Duration interval;
	private ScheduledExecutorService scheduler;

	ProcessedMessagePurge(JdbcOperations jdbc, MessagingSettings.Inbox settings) {
		this.jdbc = jdbc;
		this.retention = settings.retention();
		this.interval = settings.purgeInterval();
	}

	/** Deletes the rows older than the retention; returns how many. */
	int purge() {
		return jdbc.update(PURGE, retention.toSeconds());
	}

	private void purgeLogged() {
		try {
			int deleted = purge();
			log.debug("Purged {} processed_message rows older than {}", deleted, retention);
		}
		catch (DataAccessException e) {
			// the database may be down for a while; the next run catches up
			log.warn("Could not purge processed_message: {}", e.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "processed-message-purge");
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
