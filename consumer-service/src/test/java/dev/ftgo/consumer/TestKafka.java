package dev.ftgo.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
 * One real KRaft broker (dev-stack's child JVM) per test JVM, killed when the JVM exits. Every test context
 * of this service must use it: the subscriptions start with the context, and without it they would reach
 * for the dev stack's broker on the default port.
 */
public final class TestKafka {

	/** The topics of this service and their dead-letter topics, created as cdc-relay creates them. */
	private static final String[] TOPICS = { "consumer.events", "consumer.commands", "consumer.commands-dlt" };

	private static KafkaBroker broker;

	private TestKafka() {
	}

	/** Points {@code spring.kafka} at the test broker, after creating the service's topics on it. */
	public static void register(DynamicPropertyRegistry registry) {
		createTopics(TOPICS);
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
	}

	public static String bootstrapServers() {
		return broker().bootstrapServers();
	}

	private static synchronized KafkaBroker broker() {
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

	/** Three partitions each, like the real topics, so that per-key ordering is actually exercised. */
	private static void createTopics(String... names) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			var missing = Arrays.stream(names).filter(name -> !existing.contains(name))
					.map(name -> new NewTopic(name, 3, (short) 1)).toList();
			admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("Could not create topics " + Arrays.toString(names), e);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("ftgo-kafka-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
