package dev.ftgo.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a message by writing it to the {@code outbox} table in the caller's database transaction, so the
 * message exists if and only if the business change commits; cdc-relay publishes it from the WAL.
 *
 * <p>The row stays until cdc-relay has published it and Kafka has acknowledged it; the relay then deletes it.
 * So the table, not only the WAL, holds every message that is not yet published: when PostgreSQL's
 * {@code max_slot_wal_keep_size} invalidates the relay's slot after a long outage, the relay republishes what
 * is left here and nothing is lost. In normal operation a row lives for milliseconds. Rows are written one
 * INSERT at a time on purpose: the relay relies on one change event per message, and on {@code seq}
 * (assigned at the insert) for the order of the messages it republishes.
 *
 * <p>A message without a {@code traceparent} gets the current span's, so the consumer continues the trace of
 * the request or message that caused it.
 *
 * <p>Given {@link MessageContracts} (with {@code ftgo.messaging.validate-outgoing=true}), every message is
 * checked against its schema before it is written; tests switch that on, production leaves it off.
 */
public class OutboxWriter {

	private static final String INSERT = """
			INSERT INTO outbox (id, destination, aggregate_id, type, payload,
			                    correlation_id, reply_to, traceparent, schema_version, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""";

	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final TraceparentSource traceparents;
	private final MessageContracts contracts;

	/** A writer that sends messages with the trace context they carry, and none otherwise. */
	public OutboxWriter(DataSource dataSource, JsonMapper json) {
		this(dataSource, json, TraceparentSource.NONE);
	}

	/** @param traceparents the trace context of a message that carries none, usually the current span's */
	public OutboxWriter(DataSource dataSource, JsonMapper json, TraceparentSource traceparents) {
		this(dataSource, json, traceparents, null);
	}

	/** @param contracts the schemas every message is checked against before it is written; {@code null}: none */
	public OutboxWriter(DataSource dataSource, JsonMapper json, TraceparentSource traceparents,
			MessageContracts contracts) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.json = json;
		this.traceparents = traceparents;
		this.contracts = contracts;
	}

	/**
	 * Writes the message as part of the current transaction.
	 *
	 * @throws IllegalStateException outside a transaction on this writer's DataSource: such a message would
	 *     be published even if the business change rolled back, which is the bug the outbox exists to prevent
	 * @throws IllegalArgumentException when the payload does not serialize to a JSON object, or, when this writer
	 *     checks contracts, when the message has no schema or violates it
	 */
	public void send(Message message) {
		String payload = toJsonObject(message);
		String traceparent = message.headers().traceparent() != null ? message.headers().traceparent()
				: traceparents.current();
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			requireTransaction(connection);
			insert(connection, message, payload, traceparent);
			return null;
		});
	}

	private void requireTransaction(Connection connection) throws SQLException {
		// the connection bound to this DataSource by the transaction manager (JDBC or JPA), not an auto-commit one
		if (!TransactionSynchronizationManager.hasResource(dataSource) || connection.getAutoCommit()) {
			throw new IllegalStateException("OutboxWriter.send needs an active transaction on the service's DataSource;"
					+ " call it from the @Transactional method that makes the business change");
		}
	}

	private static void insert(Connection connection, Message message, String payload, String traceparent)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			insert.setObject(1, message.id());
			insert.setString(2, message.destination());
			insert.setString(3, message.key());
			insert.setString(4, message.type());
			// untyped, so PostgreSQL casts it to the column's type (JSONB, or TEXT in a copied schema)
			insert.setObject(5, payload, Types.OTHER);
			insert.setString(6, message.headers().correlationId());
			insert.setString(7, message.headers().replyTo());
			insert.setString(8, traceparent);
			insert.setString(9, message.headers().schemaVersion());
			insert.executeUpdate();
		}
	}

	private String toJsonObject(Message message) {
		JsonNode tree = json.valueToTree(message.payload());
		if (!tree.isObject()) {
			throw new IllegalArgumentException("The payload of " + message.type() + " must serialize to a JSON object, not "
					+ tree.getNodeType());
		}
		if (contracts != null) {
			contracts.check(message, tree);
		}
		return json.writeValueAsString(tree);
	}
}
