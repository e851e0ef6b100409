package dev.ftgo.consumer.consumer.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.consumer.consumer.ConsumerEvent;
import dev.ftgo.consumer.consumer.ConsumerMessages;
import dev.ftgo.consumer.consumer.ConsumerReactivated;
import dev.ftgo.consumer.consumer.ConsumerRegistered;
import dev.ftgo.consumer.consumer.ConsumerSuspended;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.messaging.OutboxAdapter;
import dev.ftgo.messaging.OutboxWriter;

/**
 * Sends consumer events on {@code consumer.events} through the outbox of the caller's transaction; cdc-relay
 * publishes them. The key is the consumer id, so the events of one consumer stay in order (docs/messaging.md).
 */
@Component
class OutboxConsumerMessages extends OutboxAdapter<ConsumerEvent> implements ConsumerMessages {

	static final String TOPIC = "consumer.events";
	static final String SCHEMA_VERSION = "1";

	OutboxConsumerMessages(OutboxWriter outbox) {
		super(outbox);
	}

	@Override
	protected Message toMessage(ConsumerEvent event) {
		return Message.of(TOPIC, event.consumerId().toString(), typeOf(event), ConsumerSnapshot.of(event))
				.withHeaders(MessageHeaders.NONE.withSchemaVersion(SCHEMA_VERSION));
	}

	/** Spelled out rather than taken from the class name: renaming a class must not change the contract. */
	private static String typeOf(ConsumerEvent event) {
		if (event instanceof ConsumerRegistered) {
			return "ConsumerRegistered";
		}
		if (event instanceof ConsumerSuspended) {
			return "ConsumerSuspended";
		}
		if (event instanceof ConsumerReactivated) {
			return "ConsumerReactivated";
		}
		throw new IllegalArgumentException("No message type for " + event.getClass().getName());
	}
}
