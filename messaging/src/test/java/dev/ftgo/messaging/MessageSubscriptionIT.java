package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A subscription consuming from a real broker into real PostgreSQL, including its failure paths. */
@SpringBootTest(properties = {
		"spring.application.name=messaging-it",
		"ftgo.messaging.consumer.retry.initial-interval=100ms" })
class MessageSubscriptionIT {

	private static final String TOPIC = "messaging-it.events";
	private static final String DEAD_LETTERS = TOPIC + "-dlt";
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static KafkaProducer<String, byte[]> producer;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "messaging");
		// the listener containers start with the context, so the topics must exist before it
		TestKafka.createTopics(TOPIC, DEAD_LETTERS);
		registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.bootstrapServers());
	}

	@BeforeAll
	static void schemaAndProducer(@Autowired DataSource dataSource, @Autowired JdbcTemplate jdbc) {
		MessagingSchema.apply(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS thing_log (message_id UUID, name TEXT, quantity INT, note TEXT)");
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
		awaitStableGroup();
	}

	/**
	 * The subscription's three consumers join the group one after the other. A record that fails while
	 * they do may move to another consumer thread in the rebalance, and its retry count (kept per thread
	 * by Spring Kafka) starts again: the counting tests need the final assignment first.
	 */
	private static void awaitStableGroup() {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			await().atMost(PATIENCE).until(() -> {
				var group = admin.describeConsumerGroups(List.of("messaging-it")).all().get().get("messaging-it");
				return group.groupState() == GroupState.STABLE && group.members().size() == 3
						&& group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
			});
		}
	}

	@AfterAll
	static void closeProducer() {
		producer.close();
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Handlers handlers;

	@Autowired
	SimpleMeterRegistry meters;

	@Test
	void changesStateOnceForAMessageDeliveredTwice() {
		UUID id = UUID.randomUUID();
		String key = "twice-" + id;

		send(key, id, "ThingHappened", "{\"name\":\"twice\",\"quantity\":1}");
		send(key, id, "ThingHappened", "{\"name\":\"twice\",\"quantity\":1}");
		UUID later = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"later\",\"quantity\":1}");

		// the later message shares the key, hence the partition: once it is handled, both copies were seen
		awaitLogged(later);
		assertThat(logRows(id)).isEqualTo(1);
	}

	@Test
	void ignoresUnknownFieldsAndDefaultsMissingOnes() {
		UUID id = send("tolerant", UUID.randomUUID(), "ThingHappened",
				"{\"name\":\"tolerant\",\"addedLater\":{\"nested\":[1,2]},\"colour\":\"red\"}");

		awaitLogged(id);
		Map<String, Object> row = jdbc.queryForMap("SELECT name, quantity, note FROM thing_log WHERE message_id = ?", id);
		assertThat(row).containsEntry("name", "tolerant").containsEntry("quantity", 0).containsEntry("note", null);
	}

	@Test
	void recordsAndSkipsAnUnknownType() {
		UUID unknown = send("unknown", UUID.randomUUID(), "SomethingNew", "{\"whatever\":true}");
		UUID later = send("unknown", UUID.randomUUID(), "ThingHappened", "{\"name\":\"after-unknown\"}");

		awaitLogged(later);
		assertThat(processed(unknown)).isEqualTo(1);
		assertThat(logRows(unknown)).isZero();
		assertThat(deadLetters()).noneMatch(record -> record.key().equals("unknown"));
	}

	@Test
	void passesOverASkippedTypeWithoutRecordingIt() {
		String key = "skipped-" + UUID.randomUUID();
		// not even read: a payload that would not parse does not matter
		UUID skipped = send(key, UUID.randomUUID(), "ThingNoticed", "{\"name\": \"unterminated");
		UUID later = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"after-skipped\"}");

		// the later message shares the key, hence the partition: once it is handled, the skipped one was seen
		awaitLogged(later);
		assertThat(processed(skipped)).isZero();
		assertThat(logRows(skipped)).isZero();
		assertThat(deadLetters()).noneMatch(record -> record.key().equals(key));
	}

	@Test
	void parksAMalformedMessageAndProcessesTheNextOneOnItsPartition() {
		String key = "poison-" + UUID.randomUUID();
		UUID poison = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\": \"unterminated");
		UUID next = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"next\"}");

		awaitLogged(next);
		var parked = awaitDeadLetter(poison);
		assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"unterminated");
		assertThat(parked.key()).isEqualTo(key);
		assertThat(header(parked, "type")).isEqualTo("ThingHappened");
		assertThat(processed(poison)).isZero();
	}

	@Test
	void retriesAFailingHandlerABoundedNumberOfTimesThenParksIt() {
		String key = "failing-" + UUID.randomUUID();
		UUID failing = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"explode\"}");
		UUID next = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"after-explode\"}");

		double deadLettersBefore = deadLettersCounted();
		awaitLogged(next);
		awaitDeadLetter(failing);
		assertThat(handlers.explosions.get()).isEqualTo(3);
		assertThat(deadLettersCounted()).isGreaterThanOrEqualTo(deadLettersBefore + 1);
		assertThat(logRows(failing)).isZero();
		assertThat(processed(failing)).isZero();
	}

	@Test
	void waitsOutADatabaseOutageInsteadOfParkingTheMessage() {
		String key = "outage-" + UUID.randomUUID();
		UUID outage = send(key, UUID.randomUUID(), "ThingHappened", "{\"name\":\"outage\"}");

		awaitLogged(outage);
		// more failed deliveries than any other failure is allowed (3), and still not parked
		assertThat(handlers.outageAttempts.get()).isEqualTo(Handlers.OUTAGE_FAILURES + 1);
		assertThat(processed(outage)).isEqualTo(1);
		assertThat(deadLetters()).noneMatch(record -> outage.toString().equals(header(record, "id")));
	}

	private UUID send(String key, UUID id, String type, String json) {
		var record = new ProducerRecord<>(TOPIC, key, json.getBytes(StandardCharsets.UTF_8));
		record.headers().add("id", id.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("type", type.getBytes(StandardCharsets.UTF_8));
		try {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not send the test message", e);
		}
		return id;
	}

	private void awaitLogged(UUID id) {
		await().atMost(PATIENCE).until(() -> logRows(id) == 1);
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(UUID id) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			deadLetters().stream().filter(record -> id.toString().equals(header(record, "id"))).forEach(found::add);
			return !found.isEmpty();
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters() {
		return TestKafka.readToEnd(DEAD_LETTERS, PATIENCE);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private int logRows(UUID id) {
		return jdbc.queryForObject("SELECT count(*) FROM thing_log WHERE message_id = ?", Integer.class, id);
	}

	private int processed(UUID id) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = 'messaging-it' AND message_id = ?",
				Integer.class, id);
	}

	private double deadLettersCounted() {
		return meters.get("ftgo.messaging.dead.letters").tag("topic", TOPIC).tag("subscriber", "messaging-it").counter().count();
	}

	/** A payload as a consumer declares it: only the fields it needs. */
	record ThingHappened(String name, int quantity, String note) {
	}

	@TestConfiguration
	static class Handlers {

		static final int OUTAGE_FAILURES = 5;

		final AtomicInteger explosions = new AtomicInteger();
		final AtomicInteger outageAttempts = new AtomicInteger();

		/** Where the subscriptions count their dead letters; a service has Boot's. */
		@Bean
		SimpleMeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

		@Bean
		MessageSubscription thingEvents(JdbcTemplate jdbc) {
			return MessageSubscription.to(TOPIC).on("ThingHappened", ThingHappened.class, (thing, message) -> {
				if ("outage".equals(thing.name()) && outageAttempts.incrementAndGet() <= OUTAGE_FAILURES) {
					// the server ends the session as on a restart (57P01), the inbox's transaction with it
					jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
				}
				jdbc.update("INSERT INTO thing_log (message_id, name, quantity, note) VALUES (?, ?, ?, ?)",
						message.id(), thing.name(), thing.quantity(), thing.note());
				if ("explode".equals(thing.name())) {
					explosions.incrementAndGet();
					throw new IllegalStateException("this handler always fails for 'explode'");
				}
			}).skipping("ThingNoticed");
		}
	}
}
