package dev.ftgo.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers counterpart of dev-stack's broker: one {@code apache/kafka} KRaft node per test JVM,
 * configured as dev-stack configures its own (three partitions, no auto-created topics, single-node
 * replication). Testcontainers' reaper removes it if the JVM dies before the shutdown hook runs.
 */
final class SharedKafkaContainer {

	// the broker version the clients are built for (Spring Boot's kafka.version); no registry host, as for postgres
	static final String IMAGE = "apache/kafka:4.1.2";

	private static KafkaContainer container;

	private SharedKafkaContainer() {
	}

	/** Starts the container on first use. */
	static synchronized String bootstrapServers() {
		if (container == null) {
			KafkaContainer kafka = new KafkaContainer(IMAGE)
					.withEnv("KAFKA_NUM_PARTITIONS", "3")
					.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
					.withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "3")
					.withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
					.withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
			kafka.start();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-test-kafka-container"));
			container = kafka;
		}
		return container.getBootstrapServers();
	}
}
