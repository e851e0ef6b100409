package dev.ftgo.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.testsupport.MigrationHistory;

class FlywayMigrationIT extends RunningKitchenService {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void appliesEveryMigrationToTheServicesOwnDatabase() {
		MigrationHistory.of(jdbc.getDataSource()).assertAppliedToOwnDatabase("kitchen_service")
			.containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void guardsPricesQuantitiesAndOneTicketPerOrderInTheSchemaToo() {
		var checks = jdbc.queryForList("SELECT check_clause FROM information_schema.check_constraints", String.class);
		var orderIndex = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE tablename = 'ticket' AND indexdef LIKE '%(order_id)%'",
				String.class);

		assertThat(checks).anyMatch(check -> check.contains("price_amount > "))
				.anyMatch(check -> check.contains("quantity > "));
		assertThat(orderIndex).startsWith("CREATE UNIQUE INDEX");
	}

	/** V4: older CreateTicket commands name no consumer, and tickets created before V4 have none either. */
	@Test
	void keepsTheTicketsConsumerOptional() {
		var nullable = jdbc.queryForObject("SELECT is_nullable || ' ' || data_type FROM information_schema.columns "
				+ "WHERE table_name = 'ticket' AND column_name = 'consumer_id'", String.class);

		assertThat(nullable).isEqualTo("YES uuid");
	}
}
