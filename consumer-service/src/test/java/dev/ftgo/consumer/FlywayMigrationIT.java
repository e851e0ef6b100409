package dev.ftgo.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class FlywayMigrationIT extends RunningConsumerService {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void appliesEveryMigrationToTheServicesOwnDatabase() {
		var failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
		var applied = jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class);
		var database = jdbc.queryForObject("SELECT current_database() || '/' || current_user", String.class);

		assertThat(failed).isZero();
		assertThat(applied).containsSubsequence("1", "2", "3");
		assertThat(database).isEqualTo("consumer_service/consumer_service");
	}

	@Test
	void guardsMoneyInTheSchemaToo() {
		var check = jdbc.queryForObject("""
				SELECT count(*) FROM information_schema.check_constraints
				WHERE check_clause LIKE '%order_limit_amount >= %'""", Integer.class);

		assertThat(check).isEqualTo(1);
	}
}
