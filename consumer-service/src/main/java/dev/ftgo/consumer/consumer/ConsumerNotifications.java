package dev.ftgo.consumer.consumer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notification use cases: receiving one from order-service and reading a consumer's latest. */
@Service
@Transactional
public class ConsumerNotifications {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 200;

	private static final Logger log = LoggerFactory.getLogger(ConsumerNotifications.class);

	private final Consumers consumers;
	private final Notifications notifications;
	private final Clock clock;

	ConsumerNotifications(Consumers consumers, Notifications notifications, Clock clock) {
		this.consumers = consumers;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * Stores the notification of message {@code messageId}, unless it is stored already.
	 *
	 * @return the new notification; empty for a copy already stored or an unknown consumer
	 */
	public Optional<Notification> receive(NotifyConsumer command, UUID messageId) {
		if (!consumers.existsById(command.consumerId())) {
			// orders are validated against an existing consumer and consumers are never deleted: a retry could not
			// help, so the command is recorded as handled instead of going through retries to the dead-letter topic
			log.warn("Notification {} is for unknown consumer {}; not stored", messageId, command.consumerId());
			return Optional.empty();
		}
		if (notifications.existsByMessageId(messageId)) {
			log.debug("Notification {} is stored already", messageId);
			return Optional.empty();
		}
		return Optional.of(notifications.save(Notification.received(command, messageId, clock.instant())));
	}

	/**
	 * The consumer's newest notifications first.
	 *
	 * @param limit 1 to {@link #MAX_LIMIT}
	 * @throws ConsumerNotFoundException for an unknown consumer
	 */
	@Transactional(readOnly = true)
	public List<Notification> latest(ConsumerId consumerId, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
		}
		if (!consumers.existsById(consumerId.value())) {
			throw new ConsumerNotFoundException(consumerId);
		}
		return notifications.findByConsumerIdOrderByReceivedAtDescIdDesc(consumerId.value(), Limit.of(limit));
	}
}
