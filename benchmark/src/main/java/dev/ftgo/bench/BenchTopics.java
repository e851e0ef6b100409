package dev.ftgo.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The bench's own topics, which no service consumes. Records on them carry the broker's append time
 * ({@code message.timestamp.type=LogAppendTime}), so "arrived on Kafka" is the broker's clock, not the
 * sender's. Three partitions, like every topic of the system.
 */
final class BenchTopics {

	/** Where the outbox rows of the drain and lag measurements are routed (their {@code destination}). */
	static final String RELAYED = "bench.relayed";
	/** Where the raw producer writes. */
	static final String PRODUCED = "bench.produced";

	private static final int PARTITIONS = 3;

	private BenchTopics() {
	}

	static void create(String bootstrapServers, String... topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = List.of(topics).stream().filter(topic -> !existing.contains(topic))
					.map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)
							.configs(Map.of("message.timestamp.type", "LogAppendTime")))
					.toList();
			admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("Could not create the bench topics " + List.of(topics) + ": " + e.getMessage(), e);
		}
	}
}
