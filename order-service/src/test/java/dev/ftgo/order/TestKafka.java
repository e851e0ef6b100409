package dev.ftgo.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import dev.ftgo.devstack.KafkaBroker;
import dev.ftgo.devstack.Ports;
import dev.ftgo.devstack.StackLayout;

/**
 * One real KRaft broker (dev-stack's child JVM) per test JVM, killed when the JVM exits, with the topics
 * of the system created as the relay creates them: three partitions each, dead-letter topics included.
 *
 * <p>Every application context of these tests consumes in the one consumer group {@code order-service}
 * and writes to the one test database, like several instances of the service would: whichever context
 * receives a message, its effect is in the database the tests read.
 */
public final class TestKafka {

	public static final List<String> TOPICS = List.of("order.events", "order.replies", "kitchen.commands",
			"consumer.commands", "consumer.events", "restaurant.events", "ticket.events");

	private static KafkaBroker broker;

	private TestKafka() {
	}

	/** Starts the broker unless running, creates the topics and points the context at them. */
	public static void register(DynamicPropertyRegistry registry) {
		var bootstrapServers = broker().bootstrapServers();
		// the listener containers start with the context, so the topics must exist before it
		createTopics();
		registry.add("spring.kafka.bootstrap-servers", () -> bootstrapServers);
		// a failing message is dead-lettered after its retries; keep them short so the tests need not wait
		registry.add("ftgo.messaging.consumer.retry.initial-interval", () -> "100ms");
	}

	public static synchronized KafkaBroker broker() {
		if (broker == null) {
			Path root = temporaryDirectory();
			broker = new KafkaBroker(root.resolve("data"), Ports.freePort(), Ports.freePort(),
					StackLayout.detect().kafkaLib(), root);
			broker.start();
			broker.awaitHealthy(Duration.ofSeconds(120));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				broker.kill();
				FileSystemUtils.deleteRecursively(root.toFile());
			}, "kill-test-kafka"));
		}
		return broker;
	}

	private static synchronized void createTopics() {
		var names = new ArrayList<String>();
		TOPICS.forEach(topic -> {
			names.add(topic);
			names.add(topic + "-dlt");
		});
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			var missing = names.stream().filter(name -> !existing.contains(name))
					.map(name -> new NewTopic(name, 3, (short) 1)).toList();
			admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("Could not create the topics " + names, e);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("ftgo-order-kafka-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
