package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlywayMigrationIT extends WithStubbedServices {

	@Test
	void appliesEveryMigrationToTheServicesOwnDatabase() {
		var failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
		var applied = jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class);
		var database = jdbc.queryForObject("SELECT current_database() || '/' || current_user", String.class);

		assertThat(failed).isZero();
		assertThat(applied).containsSubsequence("1", "2", "3");
		assertThat(database).isEqualTo("order_service/order_service");
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

	@Test
	void makesIdempotencyKeysUnique() {
		var primaryKey = jdbc.queryForObject("""
				SELECT string_agg(a.attname, ',') FROM pg_index i
				JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
				WHERE i.indrelid = 'idempotency_key'::regclass AND i.indisprimary""", String.class);

		assertThat(primaryKey).isEqualTo("key");
	}
}
