package dev.ftgo.relay.deadletters;

/** Where a dead letter is: its dead-letter topic, partition and offset. */
public record DeadLetterId(String topic, int partition, long offset) {

	public DeadLetterId {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("A dead letter needs a topic");
		}
		if (partition < 0 || offset < 0) {
			throw new IllegalArgumentException("Partition and offset are never negative: " + partition + "/" + offset);
		}
	}

	/** {@code <topic>/<partition>/<offset>}: the key of its replay record, and how logs name it. */
	@Override
	public String toString() {
		return topic + "/" + partition + "/" + offset;
	}
}
