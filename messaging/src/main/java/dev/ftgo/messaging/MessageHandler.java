package dev.ftgo.messaging;

/**
 * Handles the payload of one message type. It runs inside the transaction that records the message as
 * processed, so its database changes commit only together with that record; throwing rolls both back and
 * lets the consumer retry (and, after the last attempt, park the message on the dead-letter topic).
 */
@FunctionalInterface
public interface MessageHandler<T> {

	void handle(T payload, ReceivedMessage message);
}
