package dev.ftgo.relay.engine;

import java.util.Properties;

import dev.ftgo.relay.RelaySettings;

/** The Debezium configuration of one source's engine. */
final class DebeziumProperties {

	/** Prefix of the heartbeat records' topic; they carry offsets only and are never published. */
	static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";
	/** Prefix of the WAL message the heartbeat writes; excluded from capture, it only moves the position. */
	static final String HEARTBEAT_MESSAGE_PREFIX = "ftgo-relay-heartbeat";

	private DebeziumProperties() {
	}

	static Properties of(RelaySettings.Source source, RelaySettings.Engine engine) {
		var properties = new Properties();
		properties.setProperty("name", "ftgo-relay-" + source.name());
		properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		properties.setProperty("topic.prefix", source.name());
		properties.setProperty("database.hostname", source.host());
		properties.setProperty("database.port", Integer.toString(source.port()));
		properties.setProperty("database.dbname", source.database());
		properties.setProperty("database.user", source.username());
		properties.setProperty("database.password", source.password());

		// logical decoding with the built-in plugin, through a slot and a publication of this relay's own
		properties.setProperty("plugin.name", "pgoutput");
		properties.setProperty("slot.name", source.slotName());
		properties.setProperty("publication.name", source.publicationName());
		// created (inserts only) by the relay before the engine starts: see OutboxTable.ensureInsertOnlyPublication
		properties.setProperty("publication.autocreate.mode", "disabled");
		properties.setProperty("table.include.list", engine.outboxTable());
		// rows committed before the slot existed are republished from the table (Republish), not snapshotted
		properties.setProperty("snapshot.mode", "no_data");
		properties.setProperty("tombstones.on.delete", "false");
		// The slot may be confirmed beyond the stored offset: stopping, Debezium 3.5's engine confirms to the slot
		// what the consumer marked after the engine's last offset flush, and once PostgreSQL moves the slot's restart
		// point there, the default ("no_validation") refuses the stored offset for good. What the slot has confirmed
		// was published (records are marked only once Kafka acknowledged them, and nothing else confirms the slot),
		// so the slot is the one to trust; a lost or missing slot is handled before the engine starts (prepareSlot).
		properties.setProperty("offset.mismatch.strategy", "trust_slot");
		properties.setProperty("extended.headers.enabled", "false");

		// A WAL message needs no table in the service's schema, and unlike a table write it reaches the slot
		// even though the publication holds only the outbox; the next heartbeat record then carries the newer
		// position, and committing it lets PostgreSQL recycle the WAL a quiet slot would otherwise pin. The message
		// is transactional (BEGIN, MESSAGE, COMMIT): when a non-transactional one was the last event before
		// PostgreSQL restarted, Debezium 3.5.0 refused to resume ("last recorded offset is no longer available")
		// and the source stayed down for good (debezium/dbz#1379, fixed after 3.5.0).
		properties.setProperty("heartbeat.interval.ms", Long.toString(engine.heartbeatInterval().toMillis()));
		properties.setProperty("topic.heartbeat.prefix", HEARTBEAT_TOPIC_PREFIX);
		properties.setProperty("heartbeat.action.query",
				"SELECT pg_logical_emit_message(true, '" + HEARTBEAT_MESSAGE_PREFIX + "', now()::text)");
		properties.setProperty("message.prefix.exclude.list", HEARTBEAT_MESSAGE_PREFIX);

		// Offsets live next to the slot they describe, in the source database: no database of the relay's own
		// to provision, and dropping or restoring a service database takes its slot and offsets together.
		// Each flush replaces the stored offsets in one transaction, so a kill -9 leaves the last complete one.
		properties.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
		properties.setProperty("offset.storage.jdbc.connection.url", source.jdbcUrl());
		properties.setProperty("offset.storage.jdbc.connection.user", source.username());
		properties.setProperty("offset.storage.jdbc.connection.password", source.password());
		properties.setProperty("offset.storage.jdbc.table.name", engine.offsetTable());
		properties.setProperty("offset.flush.interval.ms", Long.toString(engine.offsetFlushInterval().toMillis()));
		// the store's own retries (5 x 3 s) would hold a failed engine for 15 s before it is reported and
		// recreated; a failed flush is simply retried with the next one
		properties.setProperty("offset.storage.jdbc.connection.retry.max.attempts", "1");
		properties.setProperty("offset.storage.jdbc.connection.wait.retry.delay.ms", "1000");

		// Fail instead of retrying inside the engine: SourceEngine restarts it with backoff, and health and
		// metrics show each failure.
		properties.setProperty("errors.max.retries", "0");

		properties.putAll(engine.debezium());
		return properties;
	}
}
