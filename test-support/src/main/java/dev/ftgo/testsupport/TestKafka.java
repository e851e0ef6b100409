package dev.ftgo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import dev.ftgo.devstack.KafkaBroker;
import dev.ftgo.devstack.Ports;
import dev.ftgo.devstack.StackLayout;

/**
 * One real KRaft broker (dev-stack's child JVM, not a fake) per test JVM, killed when the JVM exits.
 * Every Spring context of a service test must use it: the subscriptions start with the context and
 * would otherwise reach for a developer's running stack on the default port.
 * Under {@code -Dftgo.test.infrastructure=testcontainers} (or {@code auto} with a Docker engine) that
 * broker is an {@code apache/kafka} container instead; see {@link TestInfrastructure}.
 */
public final class TestKafka {

	/** The topics of docs/messaging.md; each also gets its dead-letter topic, as cdc-relay creates them. */
	public static final List<String> TOPICS = List.of("order.events", "order.replies", "kitchen.commands",
			"consumer.commands", "consumer.events", "restaurant.events", "ticket.events");

	private static KafkaBroker broker;

	private TestKafka() {
	}

	/** Starts the broker unless running, creates every topic and points the context at the broker. */
	public static void register(DynamicPropertyRegistry registry) {
		var names = new ArrayList<String>();
		TOPICS.forEach(topic -> {
			names.add(topic);
			names.add(topic + "-dlt");
		});
		createTopics(names.toArray(String[]::new));
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
		// a failing message is dead-lettered after its retries; short intervals keep tests from waiting
		registry.add("ftgo.messaging.consumer.retry.initial-interval", () -> "100ms");
	}

	/** The address of whichever broker {@link TestInfrastructure} chose, started on first use. */
	public static String bootstrapServers() {
		if (TestInfrastructure.selected() == TestInfrastructure.TESTCONTAINERS) {
			return SharedKafkaContainer.bootstrapServers();
		}
		return broker().bootstrapServers();
	}

	/**
	 * The embedded broker process itself, for tests that stop and restart it. It has no counterpart in a
	 * container, so under Testcontainers this refuses rather than start a second, unrelated broker.
	 */
	public static synchronized KafkaBroker broker() {
		if (TestInfrastructure.selected() == TestInfrastructure.TESTCONTAINERS) {
			throw TestInfrastructure.embeddedOnly("TestKafka.broker()", "TestKafka.bootstrapServers()");
		}
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

	/** Creates the missing ones with three partitions, like the real topics, so per-key order is exercised. */
	public static synchronized void createTopics(String... names) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			var missing = Arrays.stream(names).distinct().filter(name -> !existing.contains(name))
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

	/**
	 * Every record on {@code topic} from its start, read until two polls after the assignment come back empty:
	 * then the topic has been read to its end. Fails when that takes longer than {@code patience}.
	 */
	public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Duration patience) {
		var records = new ArrayList<ConsumerRecord<String, byte[]>>();
		try (var consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + patience.toNanos();
			int emptyPolls = 0;
			while (emptyPolls < 2) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + patience);
				}
				var polled = consumer.poll(Duration.ofMillis(500));
				polled.forEach(records::add);
				emptyPolls = polled.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
			}
		}
		return records;
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
