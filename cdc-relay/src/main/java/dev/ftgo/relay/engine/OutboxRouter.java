package dev.ftgo.relay.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.debezium.transforms.outbox.EventRouter;

/**
 * Turns the change events of the outbox table into the records of docs/messaging.md with Debezium's Outbox Event
 * Router, and says which events are not messages at all (heartbeats, the deletes of delete-after-insert).
 *
 * <p>The router runs here rather than as an engine-level {@code transforms=} chain for two reasons: the
 * engine silently drops what a transform filters, so those records could never be marked processed; and
 * the lag metric needs {@code source.ts_ms}, which the router's output no longer has.
 */
final class OutboxRouter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutboxRouter.class);

	// the outbox columns of messaging's db/outbox/outbox.sql
	static final Map<String, String> ROUTER_CONFIG = Map.of(
			"table.field.event.id", "id",
			"table.field.event.key", "aggregate_id",
			"table.field.event.payload", "payload",
			"route.by.field", "destination",
			"route.topic.replacement", "${routedByValue}",
			"table.fields.additional.placement", "type:header:type,correlation_id:header:correlationId,"
					+ "reply_to:header:replyTo,traceparent:header:traceparent,schema_version:header:schemaVersion",
			"table.op.invalid.behavior", "warn");

	/** The headers of the message contract; the router adds no others, and none may slip through. */
	private static final Set<String> HEADERS = Set.of("id", "type", "correlationId", "replyTo", "traceparent", "schemaVersion");

	private final EventRouter<SourceRecord> router = new EventRouter<>();

	OutboxRouter() {
		router.configure(ROUTER_CONFIG);
	}

	/** A record to publish, and when its transaction committed in the source database. */
	record Routed(ProducerRecord<byte[], byte[]> record, Instant committedAt) {
	}

	/** The Kafka record for an outbox insert; empty for every other event the engine emits. */
	Optional<Routed> route(SourceRecord event) {
		if (event.topic().startsWith(DebeziumProperties.HEARTBEAT_TOPIC_PREFIX)) {
			return Optional.empty();
		}
		if (!(event.value() instanceof Struct change) || change.schema().field("op") == null) {
			log.debug("Not a change event, not published: {}", event.topic());
			return Optional.empty();
		}
		String operation = change.getString("op");
		if (!"c".equals(operation)) {
			if (!"d".equals(operation)) {
				log.warn("Unexpected operation {} on the outbox ({}), not published; rows are only inserted and deleted",
						operation, event.topic());
			}
			return Optional.empty();
		}
		SourceRecord routed = router.apply(event);
		if (routed == null) {
			return Optional.empty();
		}
		Instant committedAt = Instant.ofEpochMilli(change.getStruct("source").getInt64("ts_ms"));
		return Optional.of(new Routed(toProducerRecord(routed), committedAt));
	}

	private static ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord routed) {
		List<Header> headers = new ArrayList<>();
		for (var header : routed.headers()) {
			if (HEADERS.contains(header.key()) && header.value() != null) {
				headers.add(new RecordHeader(header.key(), utf8(header.value())));
			}
		}
		// the payload column's JSON text as it is: the value is the JSON object itself, no envelope around it
		return new ProducerRecord<>(routed.topic(), null, utf8(routed.key()), utf8(routed.value()), headers);
	}

	private static byte[] utf8(Object value) {
		if (!(value instanceof String text)) {
			throw new IllegalStateException("Expected text from the outbox, got " + (value == null ? "null" : value.getClass()));
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		router.close();
	}
}
