package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import dev.ftgo.messaging.MessageHeaderNames;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.OpenApiSnapshot;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The admin API on dead letters against a real broker: records parked by Spring Kafka's own recoverer (as the
 * services park them) are listed, shown and replayed to their topic with the same key, payload and message id, a
 * second replay is refused unless forced, and a second relay instance sees the replays of the first. A topic of its
 * own keeps it apart from the other tests on the shared broker. Also keeps the committed OpenAPI document current.
 */
class DeadLetterApiIT {

	private static final String TOPIC = "dead-letter-api-it.commands";
	private static final String DLT = TOPIC + "-dlt";
	private static final String API = "/api/v1/admin/dead-letters";
	private static final String DATABASE = "relay_dead_letters";
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static OutboxDatabase database;
	private static RelayRun relay;
	private static RelayRun standby;
	private static ApiClient admin;

	@BeforeAll
	static void startRelays() {
		var postgres = TestDatabase.server(DATABASE);
		database = new OutboxDatabase(postgres.jdbcUrl(DATABASE), DATABASE);
		Map<String, Object> settings = Map.of(
				"ftgo.relay.postgres.port", postgres.port(),
				"ftgo.relay.sources[0].name", "dead-letter-api-it",
				"ftgo.relay.sources[0].database", DATABASE,
				"ftgo.relay.topics.names[0]", TOPIC,
				"ftgo.relay.dead-letters.replays-topic", "dead-letter-api-it.replays",
				"ftgo.jwk-set-uri", TestTokens.jwkSetUri().toString());
		relay = RelayRun.start(settings);
		standby = RelayRun.start(settings);
		admin = relay.api().withToken(TestTokens.admin());
		// the relay creates the topic and its dead-letter topic on start
		await().atMost(PATIENCE).until(() -> "UP".equals(relay.health().path("components").path("topics").path("status").asString()));
	}

	@AfterAll
	static void stopRelays() {
		if (standby != null) {
			standby.close();
		}
		if (relay != null) {
			relay.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	void replaysAParkedRecordOnceWithItsKeyPayloadAndMessageId() {
		var messageId = UUID.randomUUID().toString();
		park("order-7", "{\"orderId\": \"order-7\"}", messageId);
		var listed = await().atMost(PATIENCE).until(() -> find(relay.api(), messageId), letter -> letter != null);
		assertThat(listed.get("reason").asString()).isEqualTo("IllegalStateException: kitchen closed");
		assertThat(listed.get("subscriber").asString()).isEqualTo("kitchen-service");
		assertThat(listed.get("originalTopic").asString()).isEqualTo(TOPIC);
		var position = API + "/" + DLT + "/" + listed.get("partition").asInt() + "/" + listed.get("offset").asLong();

		var shown = admin.get(position);
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		assertThat(shown.json().at("/payload/orderId").asString()).isEqualTo("order-7");

		var replay = admin.post(position + "/replay", null);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		var sentTo = replay.json().get("sentTo");
		var copy = read(new TopicPartition(TOPIC, sentTo.get("partition").asInt()), sentTo.get("offset").asLong());
		assertThat(copy.key()).isEqualTo("order-7");
		assertThat(new String(copy.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\": \"order-7\"}");
		assertThat(header(copy, MessageHeaderNames.ID)).isEqualTo(messageId);
		assertThat(header(copy, "replayOf")).isEqualTo(position.substring(API.length() + 1));
		assertThat(copy.headers().lastHeader("kafka_dlt-original-topic")).isNull();

		var fromStandby = standby.api().withToken(TestTokens.admin()).post(position + "/replay", null);
		assertThat(fromStandby.status()).as("a replay through the other instance " + fromStandby).isEqualTo(409);
		assertThat(fromStandby.contentType()).startsWith("application/problem+json");
		assertThat(admin.post(position + "/replay?force=true", null).status()).isEqualTo(200);
		assertThat(find(standby.api(), messageId).at("/replay/replayedBy").asString()).isEqualTo("admin");
	}

	@Test
	void replaysAWholeTopicSkippingWhatWasReplayedBefore() {
		var first = UUID.randomUUID().toString();
		var second = UUID.randomUUID().toString();
		park("order-8", "{}", first);
		park("order-9", "{}", second);
		await().atMost(PATIENCE).until(() -> find(relay.api(), second) != null);
		var listed = find(relay.api(), first);
		assertThat(admin.post(API + "/" + DLT + "/" + listed.get("partition").asInt() + "/" + listed.get("offset").asLong()
				+ "/replay", null).status()).isEqualTo(200);

		var replayed = admin.post(API + "/" + DLT + "/replay", null);

		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
		assertThat(ids(replayed.json().get("skipped"))).contains(first).doesNotContain(second);
		assertThat(admin.post(API + "/" + DLT + "/replay", null).json().get("replayed")).isEmpty();
	}

	@Test
	void refusesCallersWhoAreNotAdmins() {
		var consumer = relay.api().withToken(TestTokens.consumer(UUID.randomUUID()));

		assertThat(consumer.get(API).status()).isEqualTo(403);
		assertThat(relay.api().get(API).status()).isEqualTo(401);
	}

	@Test
	void servesTheCommittedOpenApiDocument() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + relay.port() + "/v3/api-docs/v1"),
				Path.of("../docs/openapi/cdc-relay-v1.json"));
	}

	/** Parks a record the way the services do: Spring Kafka's recoverer, and the messaging library's reason. */
	private static void park(String key, String payload, String messageId) {
		var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		try {
			var recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
					(record, exception) -> new TopicPartition(record.topic() + "-dlt", -1));
			recoverer.addHeadersFunction((record, exception) -> new RecordHeaders()
				.add(MessageHeaderNames.DEAD_LETTER_REASON, bytes("IllegalStateException: kitchen closed")));
			var headers = new RecordHeaders().add(MessageHeaderNames.ID, bytes(messageId))
				.add(MessageHeaderNames.TYPE, bytes("CreateTicket"));
			var consumed = new ConsumerRecord<>(TOPIC, 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, bytes(key),
					bytes(payload), headers, Optional.empty());
			recoverer.accept(consumed, null, new ListenerExecutionFailedException("Listener failed", "kitchen-service",
					new IllegalStateException("kitchen closed")));
		}
		finally {
			producers.destroy();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static JsonNode find(ApiClient api, String messageId) {
		var response = api.withToken(TestTokens.admin()).get(API + "?topic=" + DLT);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("deadLetters").spliterator(), false)
			.filter(letter -> letter.path("messageId").isString() && messageId.equals(letter.get("messageId").asString()))
			.findFirst().orElse(null);
	}

	private static List<String> ids(JsonNode deadLetters) {
		return StreamSupport.stream(deadLetters.spliterator(), false).map(letter -> letter.get("messageId").asString()).toList();
	}

	private static ConsumerRecord<String, byte[]> read(TopicPartition partition, long offset) {
		var config = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			return await().atMost(PATIENCE).until(() -> {
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return record;
					}
				}
				return null;
			}, record -> record != null);
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}
}
