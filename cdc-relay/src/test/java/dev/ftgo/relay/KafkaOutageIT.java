package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

/** Kafka goes away and comes back: the engine fails, is recreated, and loses nothing committed meanwhile. */
class KafkaOutageIT {

	private static final String SOURCE = "outage-it";
	private static final String DATABASE = "relay_outage";
	private static final String TOPIC = "ticket.events";
	private static final Duration PATIENCE = Duration.ofSeconds(120);

	private static OutboxDatabase database;
	private static RelayRun relay;

	@BeforeAll
	static void startRelay() {
		var postgres = TestDatabase.server(DATABASE);
		database = new OutboxDatabase(postgres.jdbcUrl(DATABASE), DATABASE);
		relay = RelayRun.start(Map.of(
				"ftgo.relay.postgres.port", postgres.port(),
				"ftgo.relay.sources[0].name", SOURCE,
				"ftgo.relay.sources[0].database", DATABASE,
				// give up on an unreachable broker quickly, so the test sees the failure
				"ftgo.relay.kafka.delivery-timeout", "5s"));
		await().atMost(PATIENCE).until(() -> relay.isStreaming(SOURCE));
	}

	@AfterAll
	static void stopRelay() {
		relay.close();
		database.close();
	}

	@Test
	void anEngineThatCannotPublishFailsIsRecreatedAndDeliversLater() {
		var before = database.send(TOPIC, "ticket-1", "TicketAccepted", Map.of("ticketId", "ticket-1"));
		TopicReader.awaitPublished(TOPIC, List.of(before.id()));

		TestKafka.broker().stop();
		var duringOutage = database.send(TOPIC, "ticket-1", "TicketPreparing", Map.of("ticketId", "ticket-1"));

		await().atMost(PATIENCE).until(() -> "FAILED".equals(relay.engine(SOURCE).path("details").path("state").asText()));
		assertThat(relay.engine(SOURCE).path("details").path("lastError").asText()).contains("Kafka");

		TestKafka.broker().start();
		TestKafka.broker().awaitHealthy(PATIENCE);

		var published = TopicReader.awaitPublished(TOPIC, List.of(duringOutage.id()));
		assertThat(published).isNotEmpty();
		await().atMost(PATIENCE).until(() -> relay.isStreaming(SOURCE));
		assertThat(relay.engine(SOURCE).path("details").path("restarts").asInt()).isPositive();
	}
}
