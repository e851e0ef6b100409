package dev.ftgo.relay.deadletters;

/** No record at that partition and offset of the dead-letter topic (never written, or deleted by retention). */
public class DeadLetterNotFoundException extends RuntimeException {

	DeadLetterNotFoundException(DeadLetterId id) {
		super("No dead letter at partition " + id.partition() + ", offset " + id.offset() + " of " + id.topic());
	}
}
