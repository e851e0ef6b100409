package dev.ftgo.consumer.consumer.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.consumer.consumer.ConsumerNotifications;
import dev.ftgo.consumer.consumer.NotifyConsumer;
import dev.ftgo.messaging.MessageSubscription;
import dev.ftgo.messaging.ReceivedMessage;

/**
 * What consumer-service handles from {@code consumer.commands}. Each handler runs in the transaction that
 * records the message as processed, so a redelivered command changes nothing; other types are recorded and
 * ignored.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerCommandHandlers {

	static final String TOPIC = "consumer.commands";

	private final ConsumerNotifications notifications;

	ConsumerCommandHandlers(ConsumerNotifications notifications) {
		this.notifications = notifications;
	}

	@Bean
	MessageSubscription consumerCommands() {
		return MessageSubscription.to(TOPIC)
				.on("NotifyConsumer", NotifyConsumer.class, this::onNotifyConsumer);
	}

	void onNotifyConsumer(NotifyConsumer command, ReceivedMessage message) {
		notifications.receive(command, message.id());
	}
}
