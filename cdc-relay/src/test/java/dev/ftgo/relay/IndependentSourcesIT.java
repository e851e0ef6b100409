package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.PostgresServer;
import dev.ftgo.messaging.Message;
import dev.ftgo.testsupport.TestDatabase;

/**
 * Two source databases on two PostgreSQL servers, one engine each: when one server goes away, the other
 * engine keeps relaying, and the failed one recovers by itself when its server is back.
 */
class IndependentSourcesIT {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static PostgresServer kitchenServer;
	private static OutboxDatabase consumerDatabase;
	private static OutboxDatabase kitchenDatabase;
	private static RelayRun relay;

	@BeforeAll
	static void startRelay() {
		var consumerServer = TestDatabase.server("relay_consumer");
		kitchenServer = PostgresServer.startTemporary();
		kitchenServer.ensureDatabase("relay_kitchen");
		consumerDatabase = new OutboxDatabase(consumerServer.jdbcUrl("relay_consumer"), "relay_consumer");
		kitchenDatabase = new OutboxDatabase(kitchenServer.jdbcUrl("relay_kitchen"), "relay_kitchen");
		relay = RelayRun.start(Map.of(
				"ftgo.relay.sources[0].name", "consumer-it",
				"ftgo.relay.sources[0].database", "relay_consumer",
				"ftgo.relay.sources[0].port", consumerServer.port(),
				"ftgo.relay.sources[1].name", "kitchen-it",
				"ftgo.relay.sources[1].database", "relay_kitchen",
				"ftgo.relay.sources[1].port", kitchenServer.port()));
		await().atMost(PATIENCE).until(() -> relay.isStreaming("consumer-it") && relay.isStreaming("kitchen-it"));
	}

	@AfterAll
	static void stopAll() {
		relay.close();
		consumerDatabase.close();
		kitchenDatabase.close();
		kitchenServer.close();
	}

	@Test
	void eachSourceHasItsOwnSlotAndBothRelay() {
		var fromConsumer = consumerDatabase.send("consumer.events", "consumer-1", "ConsumerRegistered", Map.of("consumerId", "consumer-1"));
		var fromKitchen = kitchenDatabase.send("kitchen.commands", "order-1", "CreateTicket", Map.of("orderId", "order-1"));

		awaitPublished("consumer.events", fromConsumer);
		awaitPublished("kitchen.commands", fromKitchen);
		assertThat(relay.engine("consumer-it").path("details").path("slot").asText()).isEqualTo("ftgo_relay_relay_consumer");
		assertThat(relay.engine("kitchen-it").path("details").path("slot").asText()).isEqualTo("ftgo_relay_relay_kitchen");
	}

	@Test
	void aFailedSourceDoesNotStopTheOtherAndRecoversByItself() {
		kitchenServer.stop();

		await().atMost(PATIENCE).until(() -> !relay.isStreaming("kitchen-it"));
		assertThat(relay.health().path("status").asText()).isEqualTo("DOWN");
		var whileKitchenIsDown = consumerDatabase.send("consumer.events", "consumer-2", "ConsumerRegistered",
				Map.of("consumerId", "consumer-2"));
		awaitPublished("consumer.events", whileKitchenIsDown);
		assertThat(relay.isStreaming("consumer-it")).isTrue();
		assertThat(relay.engine("kitchen-it").path("details").path("lastError").asText()).isNotEmpty();

		kitchenServer.start();

		await().atMost(PATIENCE).until(() -> relay.isStreaming("kitchen-it"));
		assertThat(relay.engine("kitchen-it").path("details").path("restarts").asInt()).isPositive();
		var afterRecovery = kitchenDatabase.send("kitchen.commands", "order-2", "CreateTicket", Map.of("orderId", "order-2"));
		awaitPublished("kitchen.commands", afterRecovery);
		assertThat(relay.api().get("/actuator/metrics/ftgo.relay.engine.restarts?tag=source:kitchen-it").json()
				.path("measurements").path(0).path("value").asDouble()).isPositive();
		assertThat(relay.api().get("/actuator/metrics/ftgo.relay.records?tag=source:kitchen-it").json()
				.path("measurements").path(0).path("value").asDouble()).isPositive();
	}

	private static void awaitPublished(String topic, Message message) {
		TopicReader.awaitPublished(topic, List.of(message.id()));
	}
}
