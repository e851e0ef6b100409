package dev.ftgo.consumer.consumer;

/** The consumer was suspended; a snapshot of it at {@code version}. */
public record ConsumerSuspended(ConsumerId consumerId, ConsumerStatus status, Money orderLimit, long version)
		implements ConsumerEvent {

	static ConsumerSuspended of(Consumer consumer) {
		return new ConsumerSuspended(consumer.id(), consumer.status(), consumer.orderLimit(), consumer.version());
	}
}
