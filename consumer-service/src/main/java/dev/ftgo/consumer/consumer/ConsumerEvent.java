package dev.ftgo.consumer.consumer;

/**
 * Something that happened to a consumer, published on {@code consumer.events}. Every event carries a
 * snapshot of the state order-service replicates, and the version of the row that holds that state:
 * events of one consumer may arrive more than once, so the replica keeps the highest version it saw.
 */
public sealed interface ConsumerEvent permits ConsumerRegistered, ConsumerSuspended, ConsumerReactivated {

	ConsumerId consumerId();

	ConsumerStatus status();

	Money orderLimit();

	long version();
}
