package dev.ftgo.relay.deadletters;

/** A request the API cannot answer as asked: a limit out of range, a negative partition or offset. */
public class InvalidDeadLetterRequestException extends RuntimeException {

	public InvalidDeadLetterRequestException(String message) {
		super(message);
	}
}
