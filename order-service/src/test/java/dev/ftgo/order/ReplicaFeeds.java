package dev.ftgo.order;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Snapshots on consumer.events and restaurant.events, as consumer-service and kitchen-service publish them. */
public final class ReplicaFeeds {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ReplicaFeeds() {
	}

	public static UUID consumerSnapshot(UUID consumerId, String type, String status, String limit, long version) {
		return Relay.publish("consumer.events", consumerId.toString(), type, """
				{"consumerId": "%s", "status": "%s", "orderLimit": {"amount": "%s", "currency": "USD"}, "version": %d}"""
			.formatted(consumerId, status, limit, version));
	}

	/** A consumer the replica knows, as of version 1; waits until it is there. */
	public static UUID givenReplicatedConsumer(JdbcTemplate jdbc, String status, String limit) {
		var consumerId = UUID.randomUUID();
		consumerSnapshot(consumerId, "ConsumerRegistered", status, limit, 1);
		awaitVersion(jdbc, "consumer_replica", "consumer_id", consumerId, 1);
		return consumerId;
	}

	/** A snapshot with {@code menuJson} as its menu (a JSON array). */
	public static UUID restaurantSnapshot(UUID restaurantId, String type, boolean open, String menuJson, long version) {
		return Relay.publish("restaurant.events", restaurantId.toString(), type, """
				{"restaurantId": "%s", "name": "Replicated Curry House", "open": %s, "menu": %s, "version": %d}"""
			.formatted(restaurantId, open, menuJson, version));
	}

	/** Curry at {@code curryPrice} and Naan at 2.25 (USD). */
	public static String menu(String curryPrice) {
		return """
				[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "%s", "currency": "USD"}},
				 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "2.25", "currency": "USD"}}]""".formatted(curryPrice);
	}

	public static void awaitVersion(JdbcTemplate jdbc, String table, String idColumn, UUID id, long version) {
		await().atMost(PATIENCE).until(() -> version(jdbc, table, idColumn, id) == version);
	}

	public static long version(JdbcTemplate jdbc, String table, String idColumn, UUID id) {
		return jdbc.queryForList("SELECT version FROM " + table + " WHERE " + idColumn + " = ?", Long.class, id).stream()
			.findFirst().orElse(0L);
	}
}
