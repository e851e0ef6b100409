package dev.ftgo.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ftgo.devstack.PostgresServer;

/**
 * What really happened to a set of orders, read where it is recorded rather than through the API:
 * the order's state in order-service's database, its tickets in the kitchen's, the notifications in
 * consumer-service's, and the {@code OrderApproved} messages on {@code order.events}. An order is
 * <em>complete</em> when it is {@code APPROVED} and its consumer was notified; it is <em>duplicated</em>
 * when anything that must happen once per order happened twice.
 */
final class Ledger {

	/** The tally of a set of orders; {@code problems} names each lost or duplicated order. */
	record Tally(int orders, int lost, int duplicated, List<String> problems) {
	}

	private final PostgresServer postgres;
	private final KafkaTopics kafka;

	Ledger(PostgresServer postgres, KafkaTopics kafka) {
		this.postgres = postgres;
		this.kafka = kafka;
	}

	/** How many of {@code orderIds} are approved and notified. */
	long completed(Collection<String> orderIds) {
		var states = states(orderIds);
		var notified = perOrder("consumer_service", "SELECT order_id::text, count(*) FROM notification "
				+ "WHERE order_id = ANY(?) GROUP BY order_id", orderIds);
		return orderIds.stream().filter(id -> "APPROVED".equals(states.get(id)) && notified.getOrDefault(id, 0L) > 0).count();
	}

	/** Every order of {@code consumerId} that order-service stored, answered or not. */
	List<String> ordersOf(String consumerId) {
		try (var connection = connect("order_service");
				var statement = connection.prepareStatement("SELECT id::text FROM orders WHERE consumer_id = ?")) {
			statement.setObject(1, UUID.fromString(consumerId));
			var ids = new ArrayList<String>();
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getString(1));
				}
			}
			return ids;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	Map<String, String> states(Collection<String> orderIds) {
		var states = new HashMap<String, String>();
		query("order_service", "SELECT id::text, state FROM orders WHERE id = ANY(?)", orderIds,
				(id, value) -> states.put(id, value));
		return states;
	}

	/**
	 * Counts, for each order, what must exist exactly once once it is complete: its state, its ticket,
	 * its approval notification and its {@code OrderApproved} message.
	 */
	Tally tally(Collection<String> orderIds) {
		var states = states(orderIds);
		var tickets = perOrder("kitchen_service", "SELECT order_id::text, count(*) FROM ticket WHERE order_id = ANY(?) "
				+ "GROUP BY order_id", orderIds);
		var notifications = perOrder("consumer_service", "SELECT order_id::text, count(*) FROM notification "
				+ "WHERE order_id = ANY(?) GROUP BY order_id", orderIds);
		Set<String> wanted = Set.copyOf(orderIds);
		Map<String, Set<String>> approvals = kafka.readAll("order.events").stream()
				.filter(record -> wanted.contains(record.key()) && "OrderApproved".equals(record.headers().get("type")))
				.collect(Collectors.groupingBy(KafkaTopics.Record::key,
						Collectors.mapping(record -> record.headers().get("id"), Collectors.toSet())));
		var problems = new ArrayList<String>();
		int lost = 0;
		int duplicated = 0;
		for (var id : orderIds) {
			long ticketCount = tickets.getOrDefault(id, 0L);
			long notificationCount = notifications.getOrDefault(id, 0L);
			int approvalCount = approvals.getOrDefault(id, Set.of()).size();
			if (!"APPROVED".equals(states.get(id)) || ticketCount == 0 || notificationCount == 0 || approvalCount == 0) {
				lost++;
				problems.add("incomplete " + id + ": state " + states.get(id) + ", tickets " + ticketCount
						+ ", notifications " + notificationCount + ", OrderApproved messages " + approvalCount);
			}
			else if (ticketCount > 1 || notificationCount > 1 || approvalCount > 1) {
				duplicated++;
				problems.add("duplicated " + id + ": tickets " + ticketCount + ", notifications " + notificationCount
						+ ", OrderApproved messages " + approvalCount);
			}
		}
		return new Tally(orderIds.size(), lost, duplicated, problems);
	}

	private Map<String, Long> perOrder(String database, String sql, Collection<String> orderIds) {
		var counts = new HashMap<String, Long>();
		query(database, sql, orderIds, (id, value) -> counts.put(id, Long.parseLong(value)));
		return counts;
	}

	private interface Row {
		void accept(String id, String value);
	}

	private void query(String database, String sql, Collection<String> orderIds, Row row) {
		try (var connection = connect(database); var statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					row.accept(result.getString(1), result.getString(2));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(database), database, database);
	}
}
