package dev.ftgo.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

import dev.ftgo.messaging.MessageSubscription.Registration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Dispatches each record of one subscription on its {@code type} header. Exceptions propagate to the
 * container's error handler: retried, then dead-lettered.
 */
final class SubscriptionListener implements MessageListener<String, byte[]> {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionListener.class);

	private final MessageSubscription subscription;
	private final String subscriber;
	private final InboxGuard inbox;
	private final JsonMapper json;

	SubscriptionListener(MessageSubscription subscription, String subscriber, InboxGuard inbox, JsonMapper json) {
		this.subscription = subscription;
		this.subscriber = subscriber;
		this.inbox = inbox;
		this.json = json;
	}

	@Override
	public void onMessage(ConsumerRecord<String, byte[]> record) {
		ReceivedMessage message = ReceivedMessage.from(record);
		if (subscription.skips(message.type())) {
			return;
		}
		subscription.handlerFor(message.type()).ifPresentOrElse(
				registration -> dispatch(registration, record.value(), message),
				() -> ignore(message));
	}

	private <T> void dispatch(Registration<T> registration, byte[] value, ReceivedMessage message) {
		if (value == null) {
			throw new PoisonMessageException("Message " + message.id() + " (" + message.type() + ") has no payload");
		}
		// parsed before the transaction: a payload that does not parse will never parse, nothing to roll back
		T payload = json.readValue(value, registration.payloadType());
		boolean ran = inbox.runOnce(subscriber, message.id(), () -> registration.handler().handle(payload, message));
		if (!ran) {
			log.debug("Duplicate {} {} on {} skipped", message.type(), message.id(), message.topic());
		}
	}

	private void ignore(ReceivedMessage message) {
		// recorded like a handled message, so that a redelivery is not even logged again
		if (inbox.runOnce(subscriber, message.id(), () -> { })) {
			log.info("Ignored message {} of unknown type {} on {}", message.id(), message.type(), message.topic());
		}
	}
}
