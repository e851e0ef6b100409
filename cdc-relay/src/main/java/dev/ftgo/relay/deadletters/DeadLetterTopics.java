package dev.ftgo.relay.deadletters;

import java.util.List;

import dev.ftgo.relay.RelaySettings;

/** The dead-letter topics the relay creates: {@code <topic><suffix>} for every topic of the message contract. */
final class DeadLetterTopics {

	private final List<String> names;
	private final String suffix;

	DeadLetterTopics(RelaySettings.Topics topics) {
		this.suffix = topics.deadLetterSuffix();
		this.names = topics.names().stream().map(name -> name + suffix).toList();
	}

	List<String> names() {
		return names;
	}

	/** @throws UnknownDeadLetterTopicException unless {@code topic} is one of {@link #names()} */
	String require(String topic) {
		if (!names.contains(topic)) {
			throw new UnknownDeadLetterTopicException(topic, names);
		}
		return topic;
	}

	/** Where a record of this dead-letter topic came from, for a record without Spring Kafka's origin header. */
	String originalOf(String deadLetterTopic) {
		return deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length());
	}
}
