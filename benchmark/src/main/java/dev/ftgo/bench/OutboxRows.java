package dev.ftgo.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes bench messages into order-service's {@code outbox} table over plain JDBC, as order-service's
 * login role, routed to {@link BenchTopics#RELAYED} (which no service reads). One single-row INSERT per
 * message, as {@code OutboxWriter} does: the relay expects one change event per message.
 */
final class OutboxRows implements AutoCloseable {

	static final String TYPE = "BenchMessage";

	private static final String INSERT = """
			INSERT INTO outbox (id, destination, aggregate_id, type, payload, schema_version, created_at)
			VALUES (?, ?, ?, ?, ?, '1', now())""";
	private static final String DELETE = "DELETE FROM outbox WHERE id = ?";

	private final Connection connection;
	private final PreparedStatement insert;
	private final PreparedStatement delete;
	private final String payload;

	OutboxRows(String jdbcUrl, String user, int payloadBytes) {
		try {
			connection = DriverManager.getConnection(jdbcUrl, user, user);
			connection.setAutoCommit(false);
			insert = connection.prepareStatement(INSERT);
			delete = connection.prepareStatement(DELETE);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not connect to " + jdbcUrl + ": " + e.getMessage(), e);
		}
		this.payload = payload(payloadBytes);
	}

	/**
	 * A JSON object of about {@code bytes} characters, written the way PostgreSQL prints a JSONB value (a
	 * space after the colon), so what the relay publishes has exactly this size.
	 */
	static String payload(int bytes) {
		String empty = "{\"pad\": \"\"}";
		return "{\"pad\": \"" + "x".repeat(Math.max(0, bytes - empty.length())) + "\"}";
	}

	/**
	 * Inserts {@code rows} rows in transactions of {@code batch}, sent as JDBC batches of single-row INSERTs,
	 * and leaves them in the table (the drain measurement). Returns the ids.
	 */
	List<UUID> insertKept(int rows, int batch) {
		List<UUID> ids = new ArrayList<>(rows);
		try {
			for (int done = 0; done < rows; ) {
				int inThisTransaction = Math.min(batch, rows - done);
				for (int i = 0; i < inThisTransaction; i++) {
					UUID id = UUID.randomUUID();
					bind(id);
					insert.addBatch();
					ids.add(id);
				}
				insert.executeBatch();
				connection.commit();
				done += inThisTransaction;
			}
			return ids;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Inserting outbox rows failed: " + e.getMessage(), e);
		}
	}

	/**
	 * One transaction as a service writes it: each row inserted, then deleted again, then the commit
	 * (the lag measurement). Returns the ids once committed.
	 */
	List<UUID> insertAndDelete(int rows) {
		List<UUID> ids = new ArrayList<>(rows);
		try {
			for (int i = 0; i < rows; i++) {
				UUID id = UUID.randomUUID();
				bind(id);
				insert.executeUpdate();
				delete.setObject(1, id);
				delete.executeUpdate();
				ids.add(id);
			}
			connection.commit();
			return ids;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Writing outbox rows failed: " + e.getMessage(), e);
		}
	}

	private void bind(UUID id) throws SQLException {
		insert.setObject(1, id);
		insert.setString(2, BenchTopics.RELAYED);
		insert.setString(3, UUID.randomUUID().toString());
		insert.setString(4, TYPE);
		insert.setObject(5, payload, Types.OTHER);
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException e) {
			// nothing left to do with it
		}
	}
}
