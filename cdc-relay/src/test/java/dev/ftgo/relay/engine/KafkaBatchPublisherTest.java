package dev.ftgo.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class KafkaBatchPublisherTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private final SourceMetrics metrics = new SourceMetrics(meters, "relay-test", () -> true, null);
	private final OutboxRouter router = new OutboxRouter();
	private final Committer committer = new Committer();
	private final Rows rows = new Rows();

	@AfterEach
	void closeRouter() {
		router.close();
	}

	@Test
	void publishesOnlyOutboxInsertsAsTheMessageItselfThenMarksTheWholeBatch() throws Exception {
		var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
		UUID id = UUID.randomUUID();
		Instant committedAt = Instant.now().minusSeconds(2);
		var batch = events(OutboxEvents.heartbeat(),
				OutboxEvents.insert(id, "order.events", "order-1", "OrderCreated", "{\"orderId\": \"order-1\"}", "corr-1", committedAt),
				OutboxEvents.delete(id, committedAt));

		new KafkaBatchPublisher(router, producer, Duration.ofSeconds(5), metrics, rows, false).handleBatch(batch, committer);

		assertThat(producer.history()).singleElement().satisfies(record -> {
			assertThat(record.topic()).isEqualTo("order.events");
			assertThat(text(record.key())).isEqualTo("order-1");
			assertThat(text(record.value())).isEqualTo("{\"orderId\": \"order-1\"}");
			assertThat(headers(record)).containsExactlyInAnyOrder("id=" + id, "type=OrderCreated", "correlationId=corr-1");
		});
		assertThat(committer.marked).containsExactlyElementsOf(batch);
		assertThat(committer.batchesFinished).isEqualTo(1);
		assertThat(meters.get("ftgo.relay.records").counter().count()).isEqualTo(1);
		assertThat(meters.get("ftgo.relay.lag").timer().max(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
		assertThat(rows.deleted).containsExactly(id);
		assertThat(rows.republishes).isZero();
	}

	@Test
	void republishesTheRowsLeftInTheOutboxBeforeTheFirstBatchOnlyAndSendsNoneOfThemTwice() throws Exception {
		var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
		var publisher = new KafkaBatchPublisher(router, producer, Duration.ofSeconds(5), metrics, rows, true);
		UUID inTableAndSlot = UUID.randomUUID();
		UUID onlyInSlot = UUID.randomUUID();
		rows.leftOver = Set.of(UUID.randomUUID(), UUID.randomUUID(), inTableAndSlot);
		Instant now = Instant.now();

		publisher.handleBatch(events(OutboxEvents.insert(inTableAndSlot, "order.events", "order-1", "OrderCreated", "{}", null, now),
				OutboxEvents.insert(onlyInSlot, "order.events", "order-1", "OrderApproved", "{}", null, now)), committer);
		publisher.handleBatch(events(OutboxEvents.heartbeat()), committer);

		assertThat(rows.republishes).isEqualTo(1);
		assertThat(meters.get("ftgo.relay.republished").counter().count()).isEqualTo(3);
		assertThat(producer.history()).as("sent by the engine; the republished ones went out before")
			.extracting(record -> record.headers().lastHeader("id").value()).map(String::new)
			.containsExactly(onlyInSlot.toString());
		assertThat(rows.deleted).containsExactly(onlyInSlot);
		assertThat(committer.batchesFinished).isEqualTo(2);
	}

	@Test
	void marksNothingWhenKafkaDoesNotAcknowledgeEveryRecord() {
		var producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
		var batch = events(
				OutboxEvents.insert(UUID.randomUUID(), "order.events", "order-1", "OrderCreated", "{}", null, Instant.now()),
				OutboxEvents.insert(UUID.randomUUID(), "order.events", "order-2", "OrderCreated", "{}", null, Instant.now()));
		var publisher = new KafkaBatchPublisher(router, producer, Duration.ofSeconds(30), metrics, rows, false);

		var handled = CompletableFuture.runAsync(() -> {
			try {
				publisher.handleBatch(batch, committer);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		await().until(() -> producer.history().size() == 2);
		producer.completeNext();
		producer.errorNext(new TimeoutException("broker gone"));

		assertThat(handled).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
				.havingCause().isInstanceOf(KafkaPublishException.class).withMessageContaining("broker gone");
		assertThat(committer.marked).isEmpty();
		assertThat(committer.batchesFinished).isZero();
		assertThat(rows.deleted).as("rows of a batch Kafka did not take stay in the outbox").isEmpty();
	}

	private static List<RecordChangeEvent<SourceRecord>> events(SourceRecord... records) {
		List<RecordChangeEvent<SourceRecord>> events = new ArrayList<>();
		for (SourceRecord record : records) {
			events.add(() -> record);
		}
		return events;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static List<String> headers(ProducerRecord<byte[], byte[]> record) {
		List<String> headers = new ArrayList<>();
		record.headers().forEach(header -> headers.add(header.key() + "=" + text(header.value())));
		return headers;
	}

	/** What the publisher did to the outbox rows. */
	private static final class Rows implements KafkaBatchPublisher.PublishedRows {

		final List<UUID> deleted = new ArrayList<>();
		Set<UUID> leftOver = Set.of();
		int republishes;

		@Override
		public void acknowledged(List<UUID> messageIds) {
			deleted.addAll(messageIds);
		}

		@Override
		public Set<UUID> republishRemaining() {
			republishes++;
			return leftOver;
		}
	}

	private static final class Committer implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {

		final List<RecordChangeEvent<SourceRecord>> marked = new ArrayList<>();
		int batchesFinished;

		@Override
		public void markProcessed(RecordChangeEvent<SourceRecord> record) {
			marked.add(record);
		}

		@Override
		public void markBatchFinished() {
			batchesFinished++;
		}

		@Override
		public void markProcessed(RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets sourceOffsets) {
			marked.add(record);
		}

		@Override
		public DebeziumEngine.Offsets buildOffsets() {
			throw new UnsupportedOperationException();
		}
	}
}
