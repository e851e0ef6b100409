package dev.ftgo.relay.engine;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.Driver;

import dev.ftgo.relay.RelaySettings;

/**
 * The relay's side of one source database's outbox, over a connection of its own: deletes the rows Kafka has
 * acknowledged, reads the rows still there (to republish them after the slot was lost), and looks after the
 * slot and the publication.
 *
 * <p>Why rows are kept until published, and not deleted in the transaction that inserts them: with
 * delete-after-insert the slot's WAL is the only copy of a message until the relay has published it. PostgreSQL
 * must then keep that WAL however long the relay is away, and a relay down for a weekend fills the disk and stops
 * every service. Capping it ({@code max_slot_wal_keep_size}) invalidates the slot instead, and every unpublished
 * message would be gone. Kept in the table, they survive the cap: a lost slot costs a republish, never a message.
 * The price is one DELETE per batch, by primary key.
 */
final class OutboxTable implements AutoCloseable {

	/** What PostgreSQL says about the relay's slot. */
	enum SlotState {
		/** Streams, or can resume where it stopped. */
		USABLE,
		/** Never created, or dropped: the WAL since the last confirmed position is not there for the relay. */
		MISSING,
		/** Invalidated by {@code max_slot_wal_keep_size}: PostgreSQL removed WAL the slot still needed. */
		LOST
	}

	private final RelaySettings.Source source;
	private final String table;
	private final String offsetTable;
	private final Connection connection;

	private OutboxTable(RelaySettings.Source source, String table, String offsetTable, Connection connection) {
		this.source = source;
		this.table = table;
		this.offsetTable = offsetTable;
		this.connection = connection;
	}

	static OutboxTable open(RelaySettings.Source source, RelaySettings.Engine engine) throws SQLException {
		var login = new Properties();
		login.setProperty("user", source.username());
		login.setProperty("password", source.password());
		login.setProperty("connectTimeout", "5");
		login.setProperty("ApplicationName", "cdc-relay " + source.name());
		// the driver itself rather than DriverManager, which may not see it from an executable jar's class loader
		Connection connection = new Driver().connect(source.jdbcUrl(), login);
		connection.setAutoCommit(true);
		return new OutboxTable(source, engine.outboxTable(), engine.offsetTable(), connection);
	}

	/**
	 * Takes the source's lock for this connection's session, if no other relay instance holds it: whoever holds it
	 * streams the source. Released when the connection closes, or when the database sees the session die.
	 */
	boolean tryLead() throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
			lock.setString(1, "ftgo-relay:" + source.slotName());
			try (ResultSet row = lock.executeQuery()) {
				return row.next() && row.getBoolean(1);
			}
		}
	}

	/**
	 * The relay's publication, created if missing, and set to inserts only: the relay deletes published rows
	 * itself, and those deletes are no messages, so they need not be decoded and sent to it at all.
	 */
	void ensureInsertOnlyPublication() throws SQLException {
		String name = quoted(source.publicationName());
		boolean exists;
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
			query.setString(1, source.publicationName());
			try (ResultSet row = query.executeQuery()) {
				exists = row.next();
			}
		}
		try (var statement = connection.createStatement()) {
			if (exists) {
				statement.execute("ALTER PUBLICATION " + name + " SET (publish = 'insert')");
			}
			else {
				statement.execute("CREATE PUBLICATION " + name + " FOR TABLE " + table + " WITH (publish = 'insert')");
			}
		}
	}

	SlotState slotState() throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
			query.setString(1, source.slotName());
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return SlotState.MISSING;
				}
				return "lost".equals(row.getString(1)) ? SlotState.LOST : SlotState.USABLE;
			}
		}
	}

	/**
	 * Drops a lost slot and forgets the engine's stored position, which points into WAL that is gone; the engine
	 * then creates a new slot and streams from the moment it exists. What committed before is in the table, for
	 * {@link #remaining}.
	 */
	void forgetSlot() throws SQLException {
		try (PreparedStatement drop = connection.prepareStatement(
				"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
			drop.setString(1, source.slotName());
			drop.execute();
		}
		boolean offsetsExist;
		try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			query.setString(1, offsetTable);
			try (ResultSet row = query.executeQuery()) {
				offsetsExist = row.next() && row.getBoolean(1);
			}
		}
		if (offsetsExist) {
			try (var statement = connection.createStatement()) {
				statement.execute("DELETE FROM " + offsetTable);
			}
		}
	}

	/**
	 * Whether the engine has a stored position to resume from. Without one (a new slot, or an engine that died
	 * before its first batch was committed) it starts from wherever its slot or its snapshot puts it, and rows
	 * committed before that are only in the table.
	 */
	boolean hasStoredPosition() throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			query.setString(1, offsetTable);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next() || !row.getBoolean(1)) {
					return false;
				}
			}
		}
		try (var statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + offsetTable + ")")) {
			return row.next() && row.getBoolean(1);
		}
	}

	/**
	 * Up to {@code limit} rows after {@code afterSeq}, oldest first, as the records the relay publishes for them
	 * (the same topic, key, value and headers as for the change events, see {@link OutboxRouter}).
	 */
	List<Row> remaining(long afterSeq, int limit) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT seq, id, destination, aggregate_id, type, payload::text, correlation_id, reply_to, traceparent,
				       schema_version
				FROM %s WHERE seq > ? ORDER BY seq LIMIT ?""".formatted(table))) {
			query.setLong(1, afterSeq);
			query.setInt(2, limit);
			try (ResultSet rows = query.executeQuery()) {
				List<Row> found = new ArrayList<>();
				while (rows.next()) {
					List<Header> headers = new ArrayList<>();
					header(headers, "id", rows.getString("id"));
					header(headers, "type", rows.getString("type"));
					header(headers, "correlationId", rows.getString("correlation_id"));
					header(headers, "replyTo", rows.getString("reply_to"));
					header(headers, "traceparent", rows.getString("traceparent"));
					header(headers, "schemaVersion", rows.getString("schema_version"));
					found.add(new Row(rows.getLong("seq"), rows.getObject("id", UUID.class),
							new ProducerRecord<>(rows.getString("destination"), null, utf8(rows.getString("aggregate_id")),
									utf8(rows.getString("payload")), headers)));
				}
				return found;
			}
		}
	}

	/** Deletes the rows of messages Kafka has acknowledged. */
	void delete(Collection<UUID> ids) throws SQLException {
		if (ids.isEmpty()) {
			return;
		}
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ANY (?)")) {
			delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
			delete.executeUpdate();
		}
	}

	/** One outbox row as the record to publish; {@code seq} orders the rows. */
	record Row(long seq, UUID id, ProducerRecord<byte[], byte[]> record) {
	}

	private static void header(List<Header> headers, String name, String value) {
		if (value != null) {
			headers.add(new RecordHeader(name, utf8(value)));
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}
}
