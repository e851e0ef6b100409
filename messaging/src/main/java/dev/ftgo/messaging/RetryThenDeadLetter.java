package dev.ftgo.messaging;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import tools.jackson.core.JacksonException;

/**
 * The consumers' error handling: bounded retries with exponential backoff, then the record goes to
 * {@code <topic><suffix>} with its original key, value and headers plus Spring Kafka's exception headers,
 * and the partition moves on. If the dead-letter topic cannot be written, the record is retried instead of
 * being lost.
 */
final class RetryThenDeadLetter {

	private static final Logger log = LoggerFactory.getLogger(RetryThenDeadLetter.class);

	private RetryThenDeadLetter() {
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> deadLetters, MessagingSettings.Consumer settings) {
		// partition -1: Kafka chooses by key, so the dead-letter topic need not mirror the source's partitions
		var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
				(record, exception) -> new TopicPartition(record.topic() + settings.deadLetterSuffix(), -1));
		var retry = settings.retry();
		var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		// an operator must see that a message left the main flow, and why
		var handler = new DefaultErrorHandler((record, exception) -> {
			log.warn("Parking {}-{}@{} (key {}) on {}{}: {}", record.topic(), record.partition(), record.offset(), record.key(),
					record.topic(), settings.deadLetterSuffix(), rootMessage(exception));
			recoverer.accept(record, exception);
		}, backOff);
		// retrying cannot fix a payload that does not parse or a record without id/type
		handler.addNotRetryableExceptions(PoisonMessageException.class, JacksonException.class);
		return handler;
	}
}
