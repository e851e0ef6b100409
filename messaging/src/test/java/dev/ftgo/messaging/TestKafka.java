package dev.ftgo.messaging;

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
import org.springframework.util.FileSystemUtils;

import dev.ftgo.devstack.KafkaBroker;
import dev.ftgo.devstack.Ports;
import dev.ftgo.devstack.StackLayout;

/** One real KRaft broker (dev-stack's child JVM) per test JVM, killed when the JVM exits. */
final class TestKafka {

	private static KafkaBroker broker;

	private TestKafka() {
	}

	static synchronized KafkaBroker broker() {
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

	/** Creates the topics with three partitions, as the relay does for the real ones. */
	static void createTopics(String... names) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers()))) {
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
