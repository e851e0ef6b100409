package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.MigrationHistory;
import dev.ftgo.testsupport.TestDatabase;

class FlywayMigrationIT extends WithStubbedServices {

	@Test
	void appliesEveryMigrationToTheServicesOwnDatabase() {
		MigrationHistory.of(jdbc.getDataSource()).assertAppliedToOwnDatabase("order_service")
			.containsSubsequence("1", "2", "3", "4");
	}

	@Test
	void createsTheMessagingAndReplicaTables() {
		var tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
				String.class);

		assertThat(tables).contains("outbox", "processed_message", "consumer_replica", "restaurant_replica",
				"restaurant_replica_menu_item");
	}

	@Test
	void indexesTheListingOfAConsumersOrders() {
		var definition = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_by_consumer'",
				String.class);

		assertThat(definition).contains("(consumer_id, created_at DESC, id DESC)");
	}

	/** Keys are the clients' choice, so two consumers may pick the same one: unique per consumer, not globally. */
	@Test
	void makesIdempotencyKeysUniquePerConsumer() {
		var primaryKey = jdbc.queryForObject("""
				SELECT string_agg(k.column_name, ',' ORDER BY k.ordinal_position)
				FROM information_schema.table_constraints c
				JOIN information_schema.key_column_usage k
				  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
				WHERE c.table_schema = 'public' AND c.table_name = 'idempotency_key'
				  AND c.constraint_type = 'PRIMARY KEY'""", String.class);

		assertThat(primaryKey).isEqualTo("consumer_id,key");
	}

	/**
	 * V4 runs on databases that already hold keys: each must end up with the consumer of the order it placed. Checked
	 * on a scratch schema migrated to V3 and filled as V3's code would have, then migrated on; a connection of its
	 * own keeps Flyway's search_path away from the application's pool.
	 */
	@Test
	void givesTheKeysStoredBeforeV4TheConsumerOfTheirOrder() {
		var schema = "before_v4_" + UUID.randomUUID().toString().replace("-", "");
		var url = TestDatabase.jdbcUrl("order_service");
		try {
			migrate(url, schema, MigrationVersion.fromVersion("3"));
			var consumerId = UUID.randomUUID();
			var orderId = UUID.randomUUID();
			jdbc.update("""
					INSERT INTO %s.orders (id, consumer_id, restaurant_id, state, order_total_amount,
					                       order_total_currency, created_at, version)
					VALUES (?, ?, ?, 'APPROVAL_PENDING', 31.75, 'USD', now(), 0)""".formatted(schema),
					orderId, consumerId, UUID.randomUUID());
			jdbc.update("""
					INSERT INTO %s.idempotency_key (key, request_hash, order_id, created_at)
					VALUES ('order-1', ?, ?, now())""".formatted(schema), "0".repeat(64), orderId);

			migrate(url, schema, MigrationVersion.LATEST);

			var backfilled = jdbc.queryForObject(
					"SELECT consumer_id FROM %s.idempotency_key WHERE key = 'order-1'".formatted(schema), UUID.class);
			assertThat(backfilled).isEqualTo(consumerId);
		}
		finally {
			jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	private static void migrate(String url, String schema, MigrationVersion target) {
		Flyway.configure().dataSource(url, "order_service", "order_service").schemas(schema)
			.locations("classpath:db/migration").target(target).load().migrate();
	}
}
