package dev.ftgo.messaging;

/**
 * A record that no retry can make processable (no message id, no type, no value); it goes straight to
 * the dead-letter topic.
 */
class PoisonMessageException extends RuntimeException {

	PoisonMessageException(String message) {
		super(message);
	}
}
