package dev.ftgo.consumer.consumer;

/**
 * Sends consumer events. {@link #publish} must join the caller's transaction: the event is sent if and
 * only if the change it describes commits.
 */
public interface ConsumerEventPublisher {

	void publish(ConsumerEvent event);
}
