package dev.ftgo.order;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ftgo.testsupport.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this service sent, read where cdc-relay reads it: from the database's write-ahead log, through a
 * logical decoding slot ({@code test_decoding}). Only committed transactions reach the log, so a message
 * shows here exactly when the business change that wrote it committed; the outbox table itself is always
 * empty (each row is deleted again in its own transaction).
 *
 * <p>One slot per test JVM, created before the first context starts; every test reads the messages about
 * its own aggregates, whichever context sent them.
 */
public final class OutboxLog {

	private static final String DATABASE = "order_service";
	private static final String SLOT = "order_service_tests";
	private static final String OUTBOX_INSERT = "table public.outbox: INSERT: ";
	// name[type]:value, where value is 'quoted' (quotes doubled inside), null, or a bare word
	private static final Pattern COLUMN = Pattern.compile("(\\w+)\\[[^\\]]+\\]:('(?:[^']|'')*'|\\S+)");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Sent> sent = new ArrayList<>();
	private static boolean started;

	/** An outbox row as the relay will publish it. */
	public record Sent(String id, String destination, String key, String type, String correlationId, String replyTo,
			String schemaVersion, JsonNode payload, String traceparent) {
	}

	private OutboxLog() {
	}

	/** Creates the slot unless it exists: from now on, every committed outbox row is kept for the tests. */
	public static synchronized void start() {
		if (!started) {
			run("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'test_decoding')"
					+ " WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "')");
			started = true;
		}
	}

	/** Every message committed since {@link #start()}, in commit order. */
	public static synchronized List<Sent> sent() {
		if (!started) {
			throw new IllegalStateException("OutboxLog.start() was not called before the messages were sent");
		}
		for (String change : changes()) {
			if (change.startsWith(OUTBOX_INSERT)) {
				sent.add(parse(change.substring(OUTBOX_INSERT.length())));
			}
		}
		return List.copyOf(sent);
	}

	/** The messages whose key (aggregate id) is {@code key}, in commit order. */
	public static List<Sent> sentWithKey(Object key) {
		return sent().stream().filter(message -> message.key().equals(key.toString())).toList();
	}

	/** The messages of {@code type} about {@code orderId} (in the payload, whatever the key). */
	public static List<Sent> sentAbout(Object orderId, String type) {
		return sent().stream()
			.filter(message -> message.type().equals(type))
			.filter(message -> orderId.toString().equals(message.payload().path("orderId").asString(null)))
			.toList();
	}

	private static Sent parse(String columns) {
		Map<String, String> values = new HashMap<>();
		var matcher = COLUMN.matcher(columns);
		while (matcher.find()) {
			var raw = matcher.group(2);
			values.put(matcher.group(1), raw.equals("null") ? null
					: raw.startsWith("'") ? raw.substring(1, raw.length() - 1).replace("''", "'") : raw);
		}
		return new Sent(values.get("id"), values.get("destination"), values.get("aggregate_id"), values.get("type"),
				values.get("correlation_id"), values.get("reply_to"), values.get("schema_version"),
				JSON.readTree(values.get("payload")), values.get("traceparent"));
	}

	private static List<String> changes() {
		var changes = new ArrayList<String>();
		try (var connection = connect(); var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT data FROM pg_logical_slot_get_changes('" + SLOT + "', NULL, NULL)")) {
			while (rows.next()) {
				changes.add(rows.getString(1));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read the outbox from the log", e);
		}
		return changes;
	}

	private static void run(String sql) {
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not run " + sql, e);
		}
	}

	private static java.sql.Connection connect() throws SQLException {
		return DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), DATABASE, DATABASE);
	}
}
