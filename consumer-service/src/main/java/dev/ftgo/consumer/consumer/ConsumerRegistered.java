package dev.ftgo.consumer.consumer;

/** The consumer was registered; a snapshot of it at {@code version}. */
public record ConsumerRegistered(ConsumerId consumerId, ConsumerStatus status, Money orderLimit, long version)
		implements ConsumerEvent {

	static ConsumerRegistered of(Consumer consumer) {
		return new ConsumerRegistered(consumer.id(), consumer.status(), consumer.orderLimit(), consumer.version());
	}
}
