package dev.ftgo.devstack;

/**
 * How many processes the stack runs of what can run several times: {@code instances} of each business
 * service, and Kafka as a cluster of {@code kafkaBrokers} combined broker+controller nodes. From two
 * service instances on, two cdc-relays run: one streams, the other stands by to take over (they share each
 * source's advisory lock).
 */
public record Scale(int instances, int kafkaBrokers) {

	/** One of each: what {@code ./stack} runs without options. */
	public static final Scale SINGLE = new Scale(1, 1);

	// every instance is a JVM of up to 256 MB (a broker 384 MB): more would not fit a developer machine
	static final int MAX = 9;
	// Kafka's own choice for production: three copies, of which two must have a write before it counts
	private static final int MAX_REPLICATION = 3;
	private static final int RELAYS_WHEN_SCALED = 2;

	public Scale {
		require(instances, "--instances");
		require(kafkaBrokers, "--kafka-brokers");
	}

	private static void require(int count, String option) {
		if (count < 1 || count > MAX) {
			throw new IllegalArgumentException(option + " must be between 1 and " + MAX + ", not " + count);
		}
	}

	/** How many processes of the component run. */
	public int count(Component component) {
		if (component.isService()) {
			return instances;
		}
		return switch (component) {
			case KAFKA -> kafkaBrokers;
			case CDC_RELAY -> instances > 1 ? RELAYS_WHEN_SCALED : 1;
			default -> 1;
		};
	}

	/** The replication factor of every topic: each broker a copy, up to three. */
	public int replicationFactor() {
		return Math.min(kafkaBrokers, MAX_REPLICATION);
	}

	/** Copies a write needs before it is acknowledged: all but one, so one broker may be down. */
	public int minInsyncReplicas() {
		return Math.max(1, replicationFactor() - 1);
	}
}
