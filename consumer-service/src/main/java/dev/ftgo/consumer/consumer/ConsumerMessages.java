package dev.ftgo.consumer.consumer;

import java.util.List;

/**
 * Sends what consumers recorded ({@link Consumer#releaseMessages()}). Must be called inside the transaction that
 * saves the change: an implementation writes to the outbox of that transaction, so the messages exist exactly
 * when the change does.
 */
public interface ConsumerMessages {

	void send(List<ConsumerEvent> messages);
}
