package dev.ftgo.order.consumer.messaging;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.messaging.MessageSubscription;
import dev.ftgo.messaging.ReceivedMessage;
import dev.ftgo.order.consumer.ConsumerReplica;
import dev.ftgo.order.wire.MoneyJson;

/**
 * Feeds the {@link ConsumerReplica} from consumer.events. Every type carries a full snapshot of the
 * consumer, so all are handled alike and the highest version wins, whatever order they arrive in.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerReplicaFeed {

	static final String TOPIC = "consumer.events";

	private static final Logger log = LoggerFactory.getLogger(ConsumerReplicaFeed.class);

	@Bean
	MessageSubscription consumerEvents(ConsumerReplica replica) {
		return MessageSubscription.to(TOPIC)
			.on("ConsumerRegistered", ConsumerChanged.class, (event, message) -> keep(replica, event, message))
			.on("ConsumerSuspended", ConsumerChanged.class, (event, message) -> keep(replica, event, message))
			.on("ConsumerReactivated", ConsumerChanged.class, (event, message) -> keep(replica, event, message));
	}

	private static void keep(ConsumerReplica replica, ConsumerChanged event, ReceivedMessage message) {
		var kept = replica.apply(ConsumerReplica.Snapshot.of(event.consumerId(), event.status(),
				new BigDecimal(event.orderLimit().amount()), event.orderLimit().currency(), event.version()));
		if (!kept) {
			log.debug("{} {} (consumer {}, version {}) is not newer than the replica; skipped", message.type(),
					message.id(), event.consumerId(), event.version());
		}
	}

	/**
	 * The snapshot on the wire. Without an id, status, limit or version it cannot be placed in the replica;
	 * such a message fails to parse and goes to the dead-letter topic.
	 */
	record ConsumerChanged(UUID consumerId, String status, MoneyJson orderLimit, Long version) {

		ConsumerChanged {
			Objects.requireNonNull(consumerId, "consumerId");
			Objects.requireNonNull(status, "status");
			Objects.requireNonNull(orderLimit, "orderLimit");
			Objects.requireNonNull(orderLimit.amount(), "orderLimit.amount");
			Objects.requireNonNull(orderLimit.currency(), "orderLimit.currency");
			Objects.requireNonNull(version, "version");
		}
	}
}
