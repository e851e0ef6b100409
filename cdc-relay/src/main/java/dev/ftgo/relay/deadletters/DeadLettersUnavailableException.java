package dev.ftgo.relay.deadletters;

/** Kafka did not answer in time ({@code ftgo.relay.dead-letters.kafka-timeout}); the request may be tried again. */
public class DeadLettersUnavailableException extends RuntimeException {

	DeadLettersUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
