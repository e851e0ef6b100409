package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Instance;
import dev.ftgo.devstack.RelayEngines;
import dev.ftgo.devstack.Stack;

/**
 * The faults of the {@link ScaledStack}, one after the other on that one stack, each injected during a stream of
 * keyed POSTs through the gateway: for each, the requests that failed (none may), the orders lost or applied twice
 * (none may), and how long eviction or take-over took. Where instances leave a consumer group, also that each
 * order's messages were applied in the order they were published, across the rebalance ({@link ApplicationOrder}).
 * The faults end in {@code target/scaled-fault-summary.md}.
 */
@ExtendWith(ScaledStack.class)
@Order(ScaledStack.FIRST + 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledFaultsIT {

	private static final List<Component> SERVICES = List.of(Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
			Component.KITCHEN_SERVICE);
	private static final Duration PATIENCE = Duration.ofMinutes(2);
	private static final Duration POLL = Duration.ofMillis(250);
	private static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";
	/**
	 * Orders per second during a fault: well below what one instance of each service carries beside thirteen other
	 * JVMs on two slow cores, so that a refusal means the fault cost a request, not that the gateway shed load it
	 * could not carry (FaultsUnderOverloadIT covers that). At 10 a second, a run on a slow day had the gateway
	 * refuse 15 POSTs at capacity (its concurrency limit, 16 to 24 in flight) about 5 s after one order-service
	 * instance's SIGTERM, when the callers moved all traffic to the other instance.
	 */
	private static final int RATE = 6;
	private static final Duration REGISTRY_OUTAGE = Duration.ofSeconds(60);
	/** Two heartbeats and two registry fetches: every instance has registered again and been fetched again. */
	private static final Duration AFTER_REGISTRY_RESTART = Duration.ofSeconds(20);
	/** Room for one slow request at the end of a window that must hold throughout. */
	private static final Duration POLL_MARGIN = Duration.ofSeconds(30);

	private static final FaultReport report = new FaultReport();
	private static Stack stack;
	private static Fixtures fixtures;
	private static KafkaTopics kafka;
	private static Outcomes outcomes;
	private static ApplicationOrder applicationOrder;
	private static EurekaView registry;
	private static String restaurantId;
	private static String probeConsumerId;

	@BeforeAll
	static void useTheScaledStack(Stack scaled) {
		stack = scaled;
		fixtures = new Fixtures(stack);
		kafka = new KafkaTopics(stack.kafkaBootstrapServers());
		outcomes = new Outcomes(new Ledger(stack.postgres(), kafka), fixtures.asAdmin(),
				new EdgeBreakers(stack.ports().gateway()));
		applicationOrder = new ApplicationOrder(stack.postgres(), kafka);
		registry = new EurekaView(stack.registryUri());
	}

	@AfterAll
	static void publishTheReport() {
		report.publish(Path.of("target", "scaled-fault-summary.md"));
	}

	@Test
	@Order(1)
	void keyedOrdersPlacedThroughTheGatewayAreApproved() {
		restaurantId = fixtures.restaurant();
		probeConsumerId = fixtures.consumer("100000.00");
		// also warms every instance up (class loading, first token, cold JIT) before the first fault
		var orders = new ArrayList<String>();
		for (int i = 0; i < 8; i++) {
			var placed = fixtures.placeKeyedOrder(probeConsumerId, restaurantId, ONE_CURRY);
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			orders.add(placed.json().get("orderId").asString());
		}
		outcomes.awaitCompleted(orders, System.nanoTime());
		outcomes.assertExactlyOnce(orders);
	}

	/**
	 * The registry stopped for a minute costs no request: every process keeps the last registry it fetched and its
	 * load balancer goes on choosing from it. Keyed POSTs and GETs, one after the other, for the whole outage and
	 * for a while after the registry started again empty.
	 */
	@Test
	@Order(2)
	void registryStoppedForAMinute() {
		var row = report.begin("S1. service-registry stopped for " + REGISTRY_OUTAGE.toSeconds() + " s, started again");
		var consumerId = fixtures.consumer("100000.00");
		var traffic = new DiscoveryTraffic(fixtures.asConsumer(consumerId), consumerId).at(restaurantId);
		stack.stop(Component.SERVICE_REGISTRY);
		long restartedAt;
		try {
			await().during(REGISTRY_OUTAGE).atMost(REGISTRY_OUTAGE.plus(POLL_MARGIN)).pollInterval(POLL)
				.until(traffic::allAnswered);
		}
		finally {
			restartedAt = System.nanoTime();
			stack.start(Component.SERVICE_REGISTRY);
		}
		int duringOutage = traffic.requests();
		await().during(AFTER_REGISTRY_RESTART).atMost(AFTER_REGISTRY_RESTART.plus(POLL_MARGIN)).pollInterval(POLL)
			.until(traffic::allAnswered);
		assertThat(traffic.failures()).as("requests that failed while the registry was down or restarting").isEmpty();
		// every instance registered again before the next fault
		await().atMost(PATIENCE).pollInterval(POLL).untilAsserted(() -> SERVICES.forEach(service ->
				assertThat(registry.app(service.id()).instanceIds()).as(service.id()).hasSize(2)));

		var orders = traffic.orders();
		long recoveryMs = outcomes.awaitRecovered(orders, restartedAt, probeConsumerId, restaurantId);
		row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
				"0 failed of %d requests while it was down and %d in the %d s after its restart".formatted(duringOutage,
						traffic.requests() - duringOutage, AFTER_REGISTRY_RESTART.toSeconds()));
	}

	/** A graceful stop leaves the registry first and drains its requests: it costs none. */
	@Test
	@Order(3)
	void oneOrderServiceInstanceStoppedGracefully() {
		var row = report.begin("S2. one order-service instance stopped with SIGTERM, started again");
		var stopped = new Instance(Component.ORDER_SERVICE, 2);
		int port = stack.port(stopped);
		var consumerId = fixtures.consumer("100000.00");
		long stoppedAt;
		long stopMs;
		String slowest;
		List<String> orders;
		try (var stream = OrderStream.startKeyed(fixtures, consumerId, restaurantId, RATE)) {
			Outcomes.awaitProgress(stream::acceptedCount, 2 * RATE);
			stoppedAt = System.nanoTime();
			long stoppedAtMs = stream.elapsedMs();
			stack.stop(stopped);
			stopMs = (System.nanoTime() - stoppedAt) / 1_000_000;
			Outcomes.awaitProgress(stream::sent, stream.sent() + 5 * RATE);
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 while an instance stopped (SIGTERM at +%d ms, "
					+ "exited at +%d ms)", stoppedAtMs, stoppedAtMs + stopMs).isEmpty();
			assertThat(stream.resent()).as("answers that broke off while an instance stopped gracefully").isEmpty();
			slowest = stream.slowest() + " (the SIGTERM at +" + stoppedAtMs + " ms)";
			orders = outcomes.storedOrders(consumerId, stream.accepted());
		}
		assertThat(registry.app("order-service").lists(port)).as("the stopped instance is still registered").isFalse();
		long restartedAt = System.nanoTime();
		stack.start(stopped);
		long startedMs = (System.nanoTime() - restartedAt) / 1_000_000;
		awaitListed("order-service", port);
		long recoveryMs = outcomes.awaitRecovered(orders, stoppedAt, probeConsumerId, restaurantId);
		var tally = outcomes.assertExactlyOnce(orders);
		assertAppliedInOrder(orders, consumerId);
		row.finish(orders.size(), tally, recoveryMs, ("0 failed of %d POSTs, the slowest answered in %s; it "
				+ "deregistered, drained and exited in %.1f s; started again in %.1f s; every order's messages applied "
				+ "in order").formatted(orders.size(), slowest, stopMs / 1000.0, startedMs / 1000.0));
	}

	/** With three brokers and two in-sync copies required, one broker lost costs nothing. */
	@Test
	@Order(4)
	void oneKafkaBrokerKilled() {
		var row = report.begin("S3. one of the three Kafka brokers `kill -9`");
		var consumerId = fixtures.consumer("100000.00");
		long killedAt;
		List<String> orders;
		try (var stream = OrderStream.startKeyed(fixtures, consumerId, restaurantId, RATE)) {
			Outcomes.awaitProgress(stream::acceptedCount, 2 * RATE);
			killedAt = System.nanoTime();
			stack.kill(Component.KAFKA, 3);
			Outcomes.awaitProgress(stream::sent, stream.sent() + 10 * RATE);
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 with a broker dead").isEmpty();
			assertThat(stream.resent()).as("answers that broke off with a broker dead").isEmpty();
			orders = outcomes.storedOrders(consumerId, stream.accepted());
		}
		long recoveryMs = outcomes.awaitRecovered(orders, killedAt, probeConsumerId, restaurantId);
		row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
				"0 failed of %d POSTs; the broker stays dead, the other two carry on".formatted(orders.size()));
	}

	/** The standby relay takes the sources over when the streaming one dies; nothing is lost or applied twice. */
	@Test
	@Order(5)
	void theStreamingRelayKilled() {
		var row = report.begin("S4. the streaming cdc-relay `kill -9`");
		var active = stack.activeRelay().orElseThrow();
		var standby = stack.instances(Component.CDC_RELAY).stream().filter(relay -> !relay.equals(active)).findFirst()
				.orElseThrow();
		var consumerId = fixtures.consumer("100000.00");
		long killedAt;
		long takeOverMs;
		List<String> orders;
		try (var stream = OrderStream.startKeyed(fixtures, consumerId, restaurantId, RATE)) {
			Outcomes.awaitProgress(stream::acceptedCount, 2 * RATE);
			killedAt = System.nanoTime();
			stack.kill(active);
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
				.until(() -> RelayEngines.states(stack.port(standby)).stream().allMatch(RelayEngines.RUNNING::equals));
			takeOverMs = (System.nanoTime() - killedAt) / 1_000_000;
			Outcomes.awaitProgress(stream::sent, stream.sent() + 5 * RATE);
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 with the streaming relay dead").isEmpty();
			assertThat(stream.resent()).as("answers that broke off with the streaming relay dead").isEmpty();
			orders = outcomes.storedOrders(consumerId, stream.accepted());
		}
		long recoveryMs = outcomes.awaitRecovered(orders, killedAt, probeConsumerId, restaurantId);
		row.finish(orders.size(), outcomes.assertExactlyOnce(orders), recoveryMs,
				"0 failed of %d POSTs; %s streamed every source %.1f s after the kill".formatted(orders.size(), standby,
						takeOverMs / 1000.0));
	}

	/**
	 * One instance of each service killed at once: the gateway sends a request whose connection the dead
	 * order-service refused to the other instance, order-service does the same towards the others, and the dead
	 * instances' partitions move to the survivors.
	 */
	@Test
	@Order(6)
	void oneInstanceOfEachServiceKilled() {
		var row = report.begin("S5. one instance of each service `kill -9` at once");
		Map<String, Integer> killed = new TreeMap<>();
		var consumerId = fixtures.consumer("100000.00");
		long killedAt;
		List<String> orders;
		Map<String, Long> evictedMs = new TreeMap<>();
		List<String> resent;
		try (var stream = OrderStream.startKeyed(fixtures, consumerId, restaurantId, RATE)) {
			Outcomes.awaitProgress(stream::acceptedCount, 2 * RATE);
			killedAt = System.nanoTime();
			for (Component service : SERVICES) {
				var victim = new Instance(service, 2);
				killed.put(service.id(), stack.port(victim));
				stack.kill(victim);
			}
			await().atMost(PATIENCE).pollInterval(POLL).until(() -> {
				killed.forEach((service, port) -> {
					if (!evictedMs.containsKey(service) && !registry.app(service).lists(port)) {
						evictedMs.put(service, (System.nanoTime() - killedAt) / 1_000_000);
					}
				});
				return evictedMs.size() == killed.size();
			});
			Outcomes.awaitProgress(stream::sent, stream.sent() + 5 * RATE);
			stream.stop();
			assertThat(stream.refused()).as("answers other than 201 with an instance of each service dead").isEmpty();
			// a request the dead order-service instance was answering broke off, and was sent again with its key
			resent = stream.resent();
			orders = outcomes.storedOrders(consumerId, stream.accepted());
		}
		long recoveryMs = outcomes.awaitRecovered(orders, killedAt, probeConsumerId, restaurantId);
		var evictions = evictedMs.entrySet().stream().map(entry -> "%s %.1f s".formatted(entry.getKey(),
				entry.getValue() / 1000.0)).collect(Collectors.joining(", "));
		var tally = outcomes.assertExactlyOnce(orders);
		assertAppliedInOrder(orders, consumerId);
		row.finish(orders.size(), tally, recoveryMs, ("0 failed of %d POSTs (%d sent again with its key after its answer "
				+ "broke off%s); evicted from the registry after: %s; every order's messages applied in order")
				.formatted(orders.size(), resent.size(), resent.isEmpty() ? "" : ": " + resent, evictions));
	}

	/**
	 * The instances that left took their consumer-group partitions along: each order's messages (keyed by the order)
	 * and the consumer's (keyed by the consumer) must still have been applied in publishing order.
	 */
	private static void assertAppliedInOrder(List<String> orders, String consumerId) {
		var keys = new HashSet<>(orders);
		keys.add(consumerId);
		assertThat(applicationOrder.violations(keys)).as("messages applied ahead of one published before them").isEmpty();
	}

	private static void awaitListed(String service, int port) {
		await().atMost(PATIENCE).pollInterval(POLL).until(() -> registry.app(service).lists(port));
	}
}
