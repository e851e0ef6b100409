package dev.ftgo.consumer.consumer;

/** A transition the consumer's current status does not allow, such as suspending a suspended consumer. */
public class IllegalConsumerStateException extends RuntimeException {

	IllegalConsumerStateException(String message) {
		super(message);
	}
}
