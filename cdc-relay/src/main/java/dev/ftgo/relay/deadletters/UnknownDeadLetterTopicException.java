package dev.ftgo.relay.deadletters;

import java.util.List;

/** A topic that is not one of the relay's dead-letter topics. */
public class UnknownDeadLetterTopicException extends RuntimeException {

	private final List<String> known;

	public UnknownDeadLetterTopicException(String topic, List<String> known) {
		super("'" + topic + "' is not a dead-letter topic; these are: " + String.join(", ", known));
		this.known = List.copyOf(known);
	}

	public List<String> known() {
		return known;
	}
}
