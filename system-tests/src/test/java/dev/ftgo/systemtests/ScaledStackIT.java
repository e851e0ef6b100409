package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.DemoData;
import dev.ftgo.devstack.Instance;
import dev.ftgo.devstack.RelayEngines;
import dev.ftgo.devstack.Scale;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackPorts;

/**
 * {@code ./stack --instances=2 --kafka-brokers=3} without the CLI: two instances of every service, two relays and
 * a three-node Kafka cluster behind one gateway, started from the built jars.
 */
class ScaledStackIT {

	private static final Scale SCALE = new Scale(2, 3);
	private static final List<Component> SERVICES = List.of(Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
			Component.KITCHEN_SERVICE);
	private static final List<String> RELAYED_TOPICS = List.of("order.events", "order.replies", "consumer.events",
			"consumer.commands", "restaurant.events", "ticket.events", "kitchen.commands");
	private static final Duration PATIENCE = Duration.ofMinutes(2);
	private static final Pattern INSTANCE_ID = Pattern.compile("\"instanceId\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	static Path runDir;

	private static Stack stack;

	@BeforeAll
	static void startTheScaledStack() {
		stack = Stack.builder(StackLayout.detect().withRunDir(runDir), StackPorts.free())
				.with(Component.SERVICE_REGISTRY, Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
						Component.KITCHEN_SERVICE, Component.CDC_RELAY, Component.API_GATEWAY)
				.scale(SCALE)
				// thirteen JVMs on two cores: each takes longer than when the stack runs one of each
				.startTimeout(Duration.ofMinutes(6))
				.build();
		try {
			stack.start();
		} catch (RuntimeException e) {
			stack.close();
			throw e;
		}
	}

	@AfterAll
	static void stopTheStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void everyInstanceOfEveryServiceIsRegisteredInEureka() throws Exception {
		for (Component service : SERVICES) {
			Set<String> expectedPorts = stack.instances(service).stream().map(instance -> ":" + stack.port(instance))
					.collect(Collectors.toSet());
			assertThat(expectedPorts).hasSize(2);

			HttpResponse<String> registered = get(stack.registryUri().resolve("/eureka/apps/"
					+ service.id().toUpperCase(Locale.ROOT)), "");
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
			String app = registered.body();

			List<String> instanceIds = all(INSTANCE_ID, app);
			assertThat(instanceIds).as(app).hasSize(2);
			assertThat(instanceIds.stream().map(id -> id.substring(id.lastIndexOf(':')))).containsExactlyInAnyOrderElementsOf(expectedPorts);
			assertThat(all(STATUS, app)).as(app).containsOnly("UP");
		}
	}

	@Test
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
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void exactlyOneRelayStreamsAndTheOtherStandsBy() {
		Instance first = Instance.first(Component.CDC_RELAY);
		Instance second = new Instance(Component.CDC_RELAY, 2);

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(RelayEngines.states(stack.port(first))).hasSize(3).containsOnly(RelayEngines.RUNNING);
			assertThat(RelayEngines.states(stack.port(second))).hasSize(3).containsOnly(RelayEngines.STANDBY);
		});
		assertThat(stack.activeRelay()).contains(first);
	}

	@Test
	void anOrderPlacedThroughTheGatewayWithAnIdempotencyKeyIsApproved() throws Exception {
		DemoData.Seeded demo = new DemoData(stack.gatewayUri(), stack.tokens().admin(), runDir.resolve("demo-data.properties"))
				.ensure();
		assertThat(demo.problems()).isEmpty();
		UUID consumer = demo.consumerId().orElseThrow();
		String token = stack.tokens().consumer(consumer);
		String body = """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2}]}"""
				.formatted(consumer, demo.restaurantId().orElseThrow());

		HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(stack.gatewayUri().resolve("/api/v1/orders"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		Matcher orderId = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"").matcher(placed.body());
		assertThat(orderId.find()).as(placed.body()).isTrue();
		URI order = stack.gatewayUri().resolve("/api/v1/orders/" + orderId.group(1));
		await().atMost(PATIENCE).untilAsserted(() ->
				assertThat(get(order, token).body()).contains("\"state\":\"APPROVED\""));
	}

	private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").timeout(Duration.ofSeconds(10));
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
