package dev.ftgo.relay.engine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import io.debezium.data.Envelope;

/** Change events shaped like the PostgreSQL connector's for the outbox table, without a database. */
final class OutboxEvents {

	private static final Schema ROW = SchemaBuilder.struct().name("relay-test.public.outbox.Value")
			.field("id", Schema.STRING_SCHEMA)
			.field("destination", Schema.STRING_SCHEMA)
			.field("aggregate_id", Schema.STRING_SCHEMA)
			.field("type", Schema.STRING_SCHEMA)
			.field("payload", Schema.OPTIONAL_STRING_SCHEMA)
			.field("correlation_id", Schema.OPTIONAL_STRING_SCHEMA)
			.field("reply_to", Schema.OPTIONAL_STRING_SCHEMA)
			.field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
			.field("schema_version", Schema.OPTIONAL_STRING_SCHEMA)
			.build();
	private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
			.field("ts_ms", Schema.INT64_SCHEMA).build();
	private static final Envelope ENVELOPE = Envelope.defineSchema().withName("relay-test.public.outbox.Envelope")
			.withRecord(ROW).withSource(SOURCE).build();
	private static final Map<String, ?> PARTITION = Map.of("server", "relay-test");

	private static long lsn = 1000;

	private OutboxEvents() {
	}

	static SourceRecord insert(UUID id, String destination, String key, String type, String payload, String correlationId,
			Instant committedAt) {
		Struct row = row(id, destination, key, type, payload, correlationId);
		return record(ENVELOPE.create(row, source(committedAt), Instant.now()));
	}

	static SourceRecord delete(UUID id, Instant committedAt) {
		// replica identity DEFAULT: the old row of a delete carries its primary key only
		Struct row = new Struct(ROW).put("id", id.toString()).put("destination", "").put("aggregate_id", "").put("type", "");
		return record(ENVELOPE.delete(row, source(committedAt), Instant.now()));
	}

	static SourceRecord heartbeat() {
		Schema value = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
				.field("ts_ms", Schema.INT64_SCHEMA).build();
		return new SourceRecord(PARTITION, Map.of("lsn", ++lsn), DebeziumProperties.HEARTBEAT_TOPIC_PREFIX + ".relay-test",
				null, null, null, value, new Struct(value).put("ts_ms", System.currentTimeMillis()));
	}

	private static Struct row(UUID id, String destination, String key, String type, String payload, String correlationId) {
		return new Struct(ROW).put("id", id.toString()).put("destination", destination).put("aggregate_id", key)
				.put("type", type).put("payload", payload).put("correlation_id", correlationId);
	}

	private static Struct source(Instant committedAt) {
		return new Struct(SOURCE).put("ts_ms", committedAt.toEpochMilli());
	}

	private static SourceRecord record(Struct change) {
		return new SourceRecord(PARTITION, Map.of("lsn", ++lsn), "relay-test.public.outbox", null, null, null,
				change.schema(), change);
	}
}
