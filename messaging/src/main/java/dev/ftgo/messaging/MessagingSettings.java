package dev.ftgo.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator-tunable messaging settings ({@code ftgo.messaging.*}).
 *
 * @param validateOutgoing check every message the {@link OutboxWriter} writes against its schema
 *        ({@link MessageContracts}) and refuse one that violates it or has none; on in tests, off in production
 */
@ConfigurationProperties("ftgo.messaging")
public record MessagingSettings(@DefaultValue Consumer consumer, @DefaultValue Inbox inbox,
		@DefaultValue("false") boolean validateOutgoing) {

	/**
	 * @param concurrency consumers per subscription; more than the topic's partitions would idle
	 * @param deadLetterSuffix appended to a topic's name to get its dead-letter topic
	 * @param retry how often a failing message is tried before it is dead-lettered
	 */
	public record Consumer(@DefaultValue("3") int concurrency, @DefaultValue("-dlt") String deadLetterSuffix,
			@DefaultValue Retry retry) {

		public Consumer {
			if (concurrency < 1) {
				throw new IllegalArgumentException("ftgo.messaging.consumer.concurrency must be at least 1");
			}
		}
	}

	/**
	 * Exponential backoff between the attempts of one message. The partition waits meanwhile, so keep the
	 * total short: a message that keeps failing belongs on the dead-letter topic, not in front of others.
	 * A message that fails because the database is unreachable is the exception: it is retried until the
	 * database is back and never dead-lettered.
	 *
	 * @param attempts deliveries in total, the first included
	 * @param outageMaxInterval the longest wait between two attempts while the database is unreachable; short,
	 *        so that consumers resume soon after it is back, and far below the consumer's
	 *        {@code max.poll.interval.ms}, which a single wait must not reach
	 */
	public record Retry(@DefaultValue("3") int attempts, @DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval,
			@DefaultValue("5s") Duration outageMaxInterval) {

		public Retry {
			if (attempts < 1) {
				throw new IllegalArgumentException("ftgo.messaging.consumer.retry.attempts must be at least 1");
			}
			if (outageMaxInterval.isNegative() || outageMaxInterval.isZero()) {
				throw new IllegalArgumentException("ftgo.messaging.consumer.retry.outage-max-interval must be positive");
			}
		}
	}

	/**
	 * @param retention how long a {@code processed_message} row is kept; must exceed any redelivery window
	 * @param purgeInterval how often older rows are deleted
	 */
	public record Inbox(@DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
	}
}
