package dev.ftgo.systemtests;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ftgo.devstack.PostgresServer;

/**
 * Whether each aggregate's messages were applied in the order they were published, across whatever rebalance
 * happened meanwhile. The messages of one aggregate share a key, so they sit in one partition in publishing order;
 * a subscriber records each message it applied in {@code processed_message}, in the transaction of the change
 * itself, stamped with that transaction's start. Applied one after the other, each stamp is later than the one
 * before; a message applied ahead of the one published before it on its key shows as an earlier stamp after a
 * later one.
 */
final class ApplicationOrder {

	/** Each topic a service subscribes to, with that service's database. */
	private static final Map<String, String> SUBSCRIBED = Map.of("kitchen.commands", "kitchen_service", "order.events",
			"kitchen_service", "order.replies", "order_service", "ticket.events", "order_service", "consumer.events",
			"order_service", "consumer.commands", "consumer_service");

	private final PostgresServer postgres;
	private final KafkaTopics kafka;

	ApplicationOrder(PostgresServer postgres, KafkaTopics kafka) {
		this.postgres = postgres;
		this.kafka = kafka;
	}

	/** One line for each message applied before a message published ahead of it on the same key; none is fine. */
	List<String> violations(Set<String> keys) {
		var violations = new ArrayList<String>();
		SUBSCRIBED.forEach((topic, database) -> {
			Map<String, List<UUID>> published = new LinkedHashMap<>();
			for (var record : kafka.readAll(topic)) {
				if (keys.contains(record.key()) && record.headers().get("id") != null) {
					published.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(UUID.fromString(record.headers().get("id")));
				}
			}
			var applied = appliedAt(database, published.values().stream().flatMap(List::stream).toList());
			published.forEach((key, messages) -> applied.forEach((subscriber, stamps) -> {
				Timestamp previous = null;
				for (var message : messages) {
					var stamp = stamps.get(message);
					if (stamp != null && previous != null && stamp.before(previous)) {
						violations.add("%s on %s: %s applied %s, before a message published ahead of it (%s)"
								.formatted(subscriber, topic, key, stamp, previous));
					}
					previous = stamp == null ? previous : stamp;
				}
			}));
		});
		return violations;
	}

	/** For each subscriber in the database, when it applied each of the messages. */
	private Map<String, Map<UUID, Timestamp>> appliedAt(String database, List<UUID> messages) {
		var applied = new HashMap<String, Map<UUID, Timestamp>>();
		try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), database, database);
				var statement = connection.prepareStatement(
						"SELECT subscriber, message_id, processed_at FROM processed_message WHERE message_id = ANY(?)")) {
			statement.setArray(1, connection.createArrayOf("uuid", messages.toArray()));
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					applied.computeIfAbsent(result.getString(1), subscriber -> new HashMap<>())
							.put(result.getObject(2, UUID.class), result.getTimestamp(3));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return applied;
	}
}
