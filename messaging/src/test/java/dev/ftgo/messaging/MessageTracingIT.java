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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The trace context across the outbox, with the tracing a service has (Micrometer Tracing over OpenTelemetry):
 * what a handler sends continues the trace of the record it handles, and what a request sends carries the
 * request's span. Observed in the WAL, where the relay reads the {@code traceparent} column from.
 */
@SpringBootTest(properties = {
		"spring.application.name=messaging-tracing-it",
		"management.tracing.sampling.probability=1.0" })
class MessageTracingIT {

	private static final String TOPIC = "messaging-tracing-it.commands";
	private static final String REPLIES = "messaging-tracing-it.replies";
	private static final String SLOT = "message_tracing_it";
	private static final Duration PATIENCE = Duration.ofSeconds(60);
	private static final Pattern TRACEPARENT = Pattern.compile("traceparent\\[character varying]:'([^']*)'");

	private static KafkaProducer<String, byte[]> producer;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "messaging");
		TestKafka.createTopics(TOPIC, TOPIC + "-dlt");
		registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.bootstrapServers());
	}

	@BeforeAll
	static void schemaSlotAndProducer(@Autowired DataSource dataSource, @Autowired JdbcTemplate jdbc) {
		MessagingSchema.apply(dataSource);
		if (jdbc.queryForObject("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?", Integer.class, SLOT) == 0) {
			jdbc.queryForList("SELECT pg_create_logical_replication_slot(?, 'test_decoding')", SLOT);
		}
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void dropSlotAndCloseProducer(@Autowired JdbcTemplate jdbc) {
		producer.close();
		jdbc.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?", SLOT);
	}

	@Autowired
	OutboxWriter outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Tracer tracer;

	private static final List<String> decoded = new ArrayList<>();

	@Test
	void aHandlerSendsWithTheTraceIdOfTheRecordItHandles() {
		String traceId = randomHex(32);
		String parentSpanId = randomHex(16);
		String key = "traced-" + UUID.randomUUID();

		send(key, "DoThing", "00-" + traceId + "-" + parentSpanId + "-01");

		String traceparent = awaitOutboxTraceparent(key);
		assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
		// the handler's own span, a child of the sender's: not a copy of the incoming header
		assertThat(traceparent).doesNotContain(parentSpanId);
	}

	@Test
	void aHandlerOfARecordWithoutTraceContextStartsATrace() {
		String key = "untraced-" + UUID.randomUUID();

		send(key, "DoThing", null);

		assertThat(awaitOutboxTraceparent(key)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}

	@Test
	void theWriterStampsTheCurrentSpanOnAMessageWithoutTraceparent() {
		String key = "in-span-" + UUID.randomUUID();
		Span span = tracer.nextSpan().name("place order").start();
		try (var scope = tracer.withSpan(span)) {
			transaction.executeWithoutResult(status -> outbox.send(Message.of(REPLIES, key, "ThingDone", Map.of("key", key))));
		}
		finally {
			span.end();
		}

		assertThat(awaitOutboxTraceparent(key))
				.isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
	}

	@Test
	void theWriterKeepsTheTraceparentAMessageCarries() {
		String key = "explicit-" + UUID.randomUUID();
		String carried = "00-" + randomHex(32) + "-" + randomHex(16) + "-01";
		Span span = tracer.nextSpan().name("forward").start();
		try (var scope = tracer.withSpan(span)) {
			transaction.executeWithoutResult(status -> outbox.send(Message.of(REPLIES, key, "ThingDone", Map.of("key", key))
					.withHeaders(MessageHeaders.NONE.withTraceparent(carried))));
		}
		finally {
			span.end();
		}

		assertThat(awaitOutboxTraceparent(key)).isEqualTo(carried);
	}

	@Test
	void outsideAnySpanTheWriterSendsNoTraceContext() {
		String key = "no-span-" + UUID.randomUUID();

		transaction.executeWithoutResult(status -> outbox.send(Message.of(REPLIES, key, "ThingDone", Map.of("key", key))));

		await().atMost(PATIENCE).until(() -> outboxInsert(key) != null);
		assertThat(outboxInsert(key)).contains("traceparent[character varying]:null");
	}

	private void send(String key, String type, String traceparent) {
		var record = new ProducerRecord<>(TOPIC, key, ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaderNames.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(MessageHeaderNames.TYPE, type.getBytes(StandardCharsets.UTF_8));
		if (traceparent != null) {
			record.headers().add(MessageHeaderNames.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		try {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not send the test message", e);
		}
	}

	private String awaitOutboxTraceparent(String key) {
		await().atMost(PATIENCE).until(() -> outboxInsert(key) != null);
		Matcher traceparent = TRACEPARENT.matcher(outboxInsert(key));
		assertThat(traceparent.find()).as("a traceparent in %s", outboxInsert(key)).isTrue();
		return traceparent.group(1);
	}

	/** The decoded INSERT into the outbox of the message with this key, once it committed. */
	private String outboxInsert(String key) {
		// reading a slot consumes it: what one test reads stays here for the others
		synchronized (decoded) {
			decoded.addAll(jdbc.queryForList("SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)", String.class, SLOT));
			return decoded.stream()
					.filter(change -> change.startsWith("table public.outbox: INSERT") && change.contains("'" + key + "'"))
					.findFirst().orElse(null);
		}
	}

	private static String randomHex(int digits) {
		return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, digits);
	}

	record DoThing(String key) {
	}

	@TestConfiguration
	static class Handlers {

		/** Answers every command through the outbox, leaving the trace context to the writer. */
		@Bean
		MessageSubscription tracingCommands(OutboxWriter outbox) {
			return MessageSubscription.to(TOPIC).on("DoThing", DoThing.class, (command, message) -> outbox
					.send(Message.of(REPLIES, command.key(), "ThingDone", Map.of("key", command.key()))));
		}
	}
}
