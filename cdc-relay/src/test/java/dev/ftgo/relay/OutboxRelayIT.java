package dev.ftgo.relay;

import static dev.ftgo.relay.TopicReader.header;
import static dev.ftgo.relay.TopicReader.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The relay between a real WAL and a real broker, for one source database. */
class OutboxRelayIT {

	private static final String SOURCE = "relay-it";
	private static final String DATABASE = "relay_it";
	private static final String SLOT = "ftgo_relay_relay_it";
	private static final String TOPIC = "order.events";
	private static final List<String> DATA_TOPICS = List.of("order.events", "order.replies", "consumer.events",
			"consumer.commands", "restaurant.events", "ticket.events", "kitchen.commands");
	private static final Duration PATIENCE = Duration.ofSeconds(90);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static OutboxDatabase database;
	private static RelayRun relay;
	/** Every message this class committed, to count duplicates across relay restarts. */
	private static final Set<UUID> committed = new HashSet<>();

	@BeforeAll
	static void startRelay() {
		var postgres = TestDatabase.server(DATABASE);
		database = new OutboxDatabase(postgres.jdbcUrl(DATABASE), DATABASE);
		relay = startRelay(postgres.port());
	}

	private static RelayRun startRelay(int postgresPort) {
		var run = RelayRun.start(Map.of(
				"ftgo.relay.postgres.port", postgresPort,
				"ftgo.relay.sources[0].name", SOURCE,
				"ftgo.relay.sources[0].database", DATABASE));
		try {
			// the slot exists once the engine streams; what commits before that is not in it
			await().atMost(PATIENCE).until(() -> run.isStreaming(SOURCE));
		}
		catch (RuntimeException e) {
			run.close();
			throw e;
		}
		return run;
	}

	@AfterAll
	static void stopRelay() {
		relay.close();
		database.close();
	}

	@Test
	void createsEveryTopicAndItsDeadLetterTopicWithThreePartitions() throws Exception {
		List<String> expected = DATA_TOPICS.stream().flatMap(topic -> List.of(topic, topic + "-dlt").stream()).toList();

		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.broker().bootstrapServers()))) {
			await().atMost(PATIENCE).until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(expected));
			Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(10, TimeUnit.SECONDS);

			assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSizeGreaterThanOrEqualTo(3));
		}
		assertThat(relay.health().path("components").path("topics").path("status").asText()).isEqualTo("UP");
	}

	@Test
	void publishesEachCommittedMessageOnceInCommitOrderPerKey() {
		List<Message> sent = new ArrayList<>();
		for (int sequence = 0; sequence < 20; sequence++) {
			for (int aggregate = 0; aggregate < 10; aggregate++) {
				String key = "order-" + aggregate;
				var message = Message.of(TOPIC, key, "OrderRevised", Map.of("orderId", key, "sequence", sequence))
						.withHeaders(MessageHeaders.NONE.withCorrelationId("corr-" + sequence).withSchemaVersion("1"));
				database.send(message);
				sent.add(message);
			}
		}
		remember(sent);

		List<ConsumerRecord<String, String>> received = awaitPublished(sent);

		assertThat(received).hasSize(200);
		Map<UUID, Message> byId = sent.stream().collect(Collectors.toMap(Message::id, Function.identity()));
		assertThat(received).allSatisfy(record -> {
			Message message = byId.get(id(record));
			assertThat(record.key()).isEqualTo(message.key());
			JsonNode value = JSON.readTree(record.value());
			assertThat(value.isObject()).as("value is the payload object itself: %s", record.value()).isTrue();
			assertThat(value.path("orderId").asText()).isEqualTo(message.key());
			assertThat(header(record, "type")).isEqualTo("OrderRevised");
			assertThat(header(record, "correlationId")).isEqualTo(message.headers().correlationId());
			assertThat(header(record, "schemaVersion")).isEqualTo("1");
			assertThat(header(record, "replyTo")).as("absent optional header").isNull();
		});
		Map<String, List<Integer>> sequencesPerKey = received.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
				Collectors.mapping(record -> JSON.readTree(record.value()).path("sequence").asInt(), Collectors.toList())));
		assertThat(sequencesPerKey).hasSize(10).allSatisfy((key, sequences) ->
				assertThat(sequences).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList()));
		assertThat(relay.prometheus()).contains("ftgo_relay_records_total{source=\"relay-it\"}",
				"ftgo_relay_lag_seconds_count{source=\"relay-it\"}", "ftgo_relay_engine_restarts_total{source=\"relay-it\"}",
				"ftgo_relay_engine_running{source=\"relay-it\"} 1.0");
		// a number of bytes, not NaN: the relay reads its own slot with the source's login
		assertThat(relay.prometheus()).containsPattern("ftgo_relay_slot_backlog_bytes\\{source=\"relay-it\"} \\d");
	}

	@Test
	void publishesNothingForARolledBackTransaction() {
		String key = "order-rollback-" + UUID.randomUUID();
		var rolledBack = Message.of(TOPIC, key, "OrderCreated", Map.of("orderId", key, "fate", "rolled back"));
		var committedAfter = Message.of(TOPIC, key, "OrderCreated", Map.of("orderId", key, "fate", "committed"));

		database.sendAndRollBack(rolledBack);
		database.send(committedAfter);
		remember(List.of(committedAfter));

		// same key, same partition: once the later message is there, the earlier one would be too
		awaitPublished(List.of(committedAfter));
		assertThat(TopicReader.readAll(List.of(TOPIC))).noneMatch(record -> rolledBack.id().equals(id(record)))
				.noneMatch(record -> record.value().contains("rolled back"));
	}

	@Test
	void heartbeatsAdvanceTheIdleSlotAndNeverReachADataTopic() {
		var jdbc = database.jdbc();
		String walNow = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);

		// nothing is written to the outbox: only the heartbeat can move the slot past this point
		await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
				"SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?", Boolean.class, walNow, SLOT));

		assertThat(TopicReader.readAll(DATA_TOPICS)).allSatisfy(record -> {
			assertThat(header(record, "id")).isNotNull();
			assertThat(header(record, "type")).isNotNull();
			assertThat(JSON.readTree(record.value()).isObject()).isTrue();
		});
		// a heartbeat sent to Kafka would have failed its batch (no such topic) and restarted the engine
		assertThat(relay.engine(SOURCE).path("details").path("restarts").asInt()).isZero();
	}

	@Test
	void resumesAfterAGracefulRestartWithoutDuplicates() {
		var before = List.of(database.send(TOPIC, "order-restart", "OrderCreated", Map.of("orderId", "order-restart", "n", 0)));
		remember(before);
		awaitPublished(before);

		relay.close();
		List<Message> whileDown = new ArrayList<>();
		for (int n = 1; n <= 50; n++) {
			whileDown.add(database.send(TOPIC, "order-restart", "OrderRevised", Map.of("orderId", "order-restart", "n", n)));
		}
		remember(whileDown);
		relay = startRelay(TestDatabase.server(DATABASE).port());

		awaitPublished(whileDown);
		Map<UUID, Long> copies = TopicReader.readAll(List.of(TOPIC)).stream().map(TopicReader::id)
				.filter(committed::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(copies.keySet()).containsAll(whileDown.stream().map(Message::id).toList());
		assertThat(copies).allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isEqualTo(1));
	}

	/**
	 * Debezium's engine, stopping, confirms to the slot the positions its consumer marked after the engine's last
	 * offset flush, and when PostgreSQL then moves the slot's restart point up to that position, the stored offset
	 * points at WAL the slot no longer keeps. Debezium's default refuses to resume from it, for good. Whatever the slot
	 * has confirmed was published (the relay marks a record only once Kafka acknowledged it), so the relay trusts the
	 * slot. This test puts the slot in that state directly: the race that causes it is Debezium's, and rare.
	 */
	@Test
	void resumesWhenTheSlotWasConfirmedBeyondTheStoredPosition() {
		var before = List.of(database.send(TOPIC, "order-slot-ahead", "OrderCreated", Map.of("orderId", "order-slot-ahead")));
		remember(before);
		awaitPublished(before);
		relay.close();

		var superuser = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
				TestDatabase.server(DATABASE).jdbcUrl(DATABASE), "postgres", ""));
		long stored = JSON.readTree(superuser.queryForObject(
				"SELECT offset_val FROM ftgo_relay_offsets ORDER BY record_insert_seq DESC LIMIT 1", String.class))
			.path("lsn_proc").asLong();
		// PostgreSQL moves a slot's restart point to a running-transactions record it has decoded, once a later
		// confirmation covers it: log one, confirm past it, until the restart point is beyond the stored position
		await().atMost(PATIENCE).until(() -> {
			superuser.queryForObject("SELECT pg_log_standby_snapshot()::text", String.class);
			superuser.queryForObject("SELECT pg_replication_slot_advance(?, pg_current_wal_lsn())::text", String.class, SLOT);
			return superuser.queryForObject("SELECT restart_lsn - '0/0'::pg_lsn FROM pg_replication_slots WHERE slot_name = ?",
					Long.class, SLOT) > stored;
		});

		var after = List.of(database.send(TOPIC, "order-slot-ahead", "OrderRevised", Map.of("orderId", "order-slot-ahead")));
		remember(after);
		relay = startRelay(TestDatabase.server(DATABASE).port());

		awaitPublished(after);
	}

	private static synchronized void remember(Collection<Message> messages) {
		messages.forEach(message -> committed.add(message.id()));
	}

	private static List<ConsumerRecord<String, String>> awaitPublished(List<Message> messages) {
		return TopicReader.awaitPublished(TOPIC, messages.stream().map(Message::id).toList());
	}
}
