package dev.ftgo.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import tools.jackson.core.JacksonException;

/**
 * The consumers' error handling: bounded retries with exponential backoff, then the record goes to
 * {@code <topic><suffix>} with its original key, value and headers plus Spring Kafka's exception and origin headers
 * ({@code kafka_dlt-*}) and {@value MessageHeaderNames#DEAD_LETTER_REASON}, and the partition moves on. If the dead-letter topic cannot be written, the record is retried instead of
 * being lost.
 *
 * <p>A failure of the database itself ({@link TransientFailures}: PostgreSQL restarting, the pool exhausted, a
 * deadlock) is retried without limit instead, waiting at most {@code outageMaxInterval} between attempts. The
 * message is fine and will succeed once the database is back; parking it would take it out of the flow for
 * nothing, and the messages behind it on its partition must wait anyway to keep their order. Spring Kafka asks
 * for a back-off again when the exception changes, so a handler bug that shows once the database is back still
 * gets only the bounded retries.
 */
final class RetryThenDeadLetter {

	private static final Logger log = LoggerFactory.getLogger(RetryThenDeadLetter.class);
	/** Enough for a SQL error with its detail; a header is no place for a whole stack trace. */
	private static final int MAX_REASON_LENGTH = 1000;

	private RetryThenDeadLetter() {
	}

	/** @param parked told the topic of each record after it was written to its dead-letter topic */
	static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> deadLetters, MessagingSettings.Consumer settings,
			java.util.function.Consumer<String> parked) {
		// partition -1: Kafka chooses by key, so the dead-letter topic need not mirror the source's partitions
		var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
				(record, exception) -> new TopicPartition(record.topic() + settings.deadLetterSuffix(), -1));
		// Spring Kafka's exception headers name the listener's wrapper; an operator needs the failure underneath
		recoverer.addHeadersFunction((record, exception) -> reasonHeader(exception));
		return errorHandler((record, exception) -> {
			recoverer.accept(record, exception);
			parked.accept(record.topic());
		}, settings);
	}

	/** @param deadLetters parks a record whose retries are exhausted */
	static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, MessagingSettings.Consumer settings) {
		var retry = settings.retry();
		// an operator must see that a message left the main flow, and why
		ConsumerRecordRecoverer parking = (record, exception) -> {
			log.warn("Parking {} on {}{}: {}", where(record), record.topic(), settings.deadLetterSuffix(),
					rootMessage(exception));
			deadLetters.accept(record, exception);
		};
		// the default back-off is the unlimited one: with a default that allows no retry (attempts = 1) Spring
		// Kafka would park at once without asking the function below, even when the database is down
		var handler = new DefaultErrorHandler(parking, untilTheDatabaseIsBack(retry));
		handler.setBackOffFunction((record, exception) -> backOff(record, exception, retry));
		// retrying cannot fix a payload that does not parse or a record without id/type
		handler.addNotRetryableExceptions(PoisonMessageException.class, JacksonException.class);
		return handler;
	}

	/** {@value MessageHeaderNames#DEAD_LETTER_REASON}: the root cause, as the WARN line of the parking says it. */
	static Headers reasonHeader(Exception exception) {
		String reason = rootMessage(exception);
		if (reason.length() > MAX_REASON_LENGTH) {
			reason = reason.substring(0, MAX_REASON_LENGTH);
		}
		return new RecordHeaders().add(MessageHeaderNames.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
	}

	/** Called on a record's first failure, and again whenever the exception it fails with changes. */
	static BackOff backOff(ConsumerRecord<?, ?> record, Exception exception, MessagingSettings.Retry retry) {
		if (TransientFailures.isTransient(exception)) {
			// once, not per attempt (Spring Kafka logs each one at INFO): the operator learns why the partition waits
			log.warn("Database unavailable while handling {}; retrying it until the database is back: {}", where(record),
					rootMessage(exception));
			return untilTheDatabaseIsBack(retry);
		}
		return bounded(retry);
	}

	private static BackOff bounded(MessagingSettings.Retry retry) {
		// not Spring Kafka's ExponentialBackOffWithMaxRetries: with 0 retries (attempts = 1) it still waits once
		var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxAttempts(retry.attempts() - 1);
		return backOff;
	}

	/** No limit on attempts or elapsed time; each wait stays far below {@code max.poll.interval.ms}. */
	private static BackOff untilTheDatabaseIsBack(MessagingSettings.Retry retry) {
		var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.outageMaxInterval().toMillis());
		return backOff;
	}

	private static String where(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
	}

	private static String rootMessage(Throwable exception) {
		// a rollback that failed too hides the failure that caused it; that one is worth reporting
		Throwable root = exception;
		if (exception instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
			root = rollback.getApplicationException();
		}
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
