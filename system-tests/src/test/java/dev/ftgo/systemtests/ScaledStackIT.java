package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Instance;
import dev.ftgo.devstack.ManagedProcess;
import dev.ftgo.devstack.RelayEngines;
import dev.ftgo.devstack.Stack;

/**
 * What the {@link ScaledStack} is: every instance registered, the relayed topics replicated three times with two
 * in-sync copies required, one relay streaming while the other stands by. {@link ScaledFaultsIT} then breaks it.
 */
@ExtendWith(ScaledStack.class)
@Order(ScaledStack.FIRST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledStackIT {

	private static final List<Component> SERVICES = List.of(Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
			Component.KITCHEN_SERVICE);
	private static final List<String> RELAYED_TOPICS = List.of("order.events", "order.replies", "consumer.events",
			"consumer.commands", "restaurant.events", "ticket.events", "kitchen.commands");
	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static Stack stack;
	private static EurekaView registry;

	@BeforeAll
	static void useTheScaledStack(Stack scaled) {
		stack = scaled;
		registry = new EurekaView(stack.registryUri());
	}

	@Test
	@Order(1)
	void everyInstanceOfEveryServiceIsRegisteredInEureka() {
		System.out.println("[figures] resident memory of the scaled stack's JVMs: " + residentMemory());
		for (Component service : SERVICES) {
			var ports = stack.instances(service).stream().map(stack::port).toList();
			assertThat(ports).hasSize(2);

			var listed = registry.app(service.id());
			assertThat(listed.instanceIds()).as(listed.body()).hasSize(2);
			assertThat(ports).allSatisfy(port -> assertThat(listed.lists(port)).as(listed.body() + " lists " + port).isTrue());
			assertThat(listed.statuses()).as(listed.body()).containsOnly("UP");
		}
	}

	@Test
	@Order(2)
	void relayedTopicsAndConsumerOffsetsHaveThreeCopiesOfWhichTwoMustHaveAWrite() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
			List<String> topics = new ArrayList<>(RELAYED_TOPICS);
			RELAYED_TOPICS.forEach(topic -> topics.add(topic + "-dlt"));
			// the services' consumer groups commit offsets from their start on, which creates __consumer_offsets
			topics.add("__consumer_offsets");

			await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
				Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
				assertThat(described).hasSize(topics.size());
				for (TopicDescription topic : described.values()) {
					for (TopicPartitionInfo partition : topic.partitions()) {
						assertThat(partition.replicas()).as(topic.name()).hasSize(3);
					}
				}
			});
			List<ConfigResource> resources = topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
			Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
			configs.forEach((topic, config) -> assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
					.as(topic.name()).isEqualTo("2"));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	@Order(3)
	void exactlyOneRelayStreamsAndTheOtherStandsBy() {
		Instance first = Instance.first(Component.CDC_RELAY);
		Instance second = new Instance(Component.CDC_RELAY, 2);

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(RelayEngines.states(stack.port(first))).hasSize(3).containsOnly(RelayEngines.RUNNING);
			assertThat(RelayEngines.states(stack.port(second))).hasSize(3).containsOnly(RelayEngines.STANDBY);
		});
		assertThat(stack.activeRelay()).contains(first);
	}

	/** Resident memory of each Spring Boot and Kafka JVM, from {@code /proc} (Linux), or a note that it is unknown. */
	private static String residentMemory() {
		var figures = new ArrayList<String>();
		for (var instance : stack.instances()) {
			long pid;
			if (instance.component() == Component.KAFKA) {
				pid = stack.kafka(instance.number()).pid();
			}
			else if (Set.of(Component.POSTGRES, Component.IDENTITY).contains(instance.component())) {
				continue;
			}
			else {
				pid = stack.process(instance).pid();
			}
			var status = Path.of("/proc", Long.toString(pid), "status");
			if (!Files.exists(status)) {
				return "unknown on this system (no /proc)";
			}
			try {
				var rss = Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:")).findFirst()
						.map(line -> line.replaceAll("\\D", "")).orElse("0");
				figures.add(instance + " " + Long.parseLong(rss) / 1024 + " MiB");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return String.join(", ", figures);
	}

	@Test
	@Order(4)
	void everyBootInstanceStartedWithItsModulesClassDataArchive() throws IOException {
		// the stacks before this one (the command line's first of all) left an archive for each Boot module
		for (Instance instance : stack.instances()) {
			if (stack.get(instance) instanceof ManagedProcess process && instance.component().stage() > 0) {
				var lines = Files.readAllLines(process.logFile());
				var launched = lines.stream().filter(line -> line.startsWith("=== ") && line.contains(": starting ")).reduce((first, last) -> last);
				assertThat(launched).as(instance.id()).hasValueSatisfying(line -> assertThat(line)
						.contains("-XX:SharedArchiveFile=" + stack.layout().projectRoot().resolve(instance.component().id()).resolve("target/cds")));
			}
		}
	}
}
