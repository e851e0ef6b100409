package dev.ftgo.consumer.consumer;

/** The consumer was reactivated; a snapshot of it at {@code version}. */
public record ConsumerReactivated(ConsumerId consumerId, ConsumerStatus status, Money orderLimit, long version)
		implements ConsumerEvent {

	static ConsumerReactivated of(Consumer consumer) {
		return new ConsumerReactivated(consumer.id(), consumer.status(), consumer.orderLimit(), consumer.version());
	}
}
