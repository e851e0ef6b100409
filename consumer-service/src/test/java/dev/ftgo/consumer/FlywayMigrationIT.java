package dev.ftgo.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.testsupport.MigrationHistory;

class FlywayMigrationIT extends RunningConsumerService {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void appliesEveryMigrationToTheServicesOwnDatabase() {
		MigrationHistory.of(jdbc.getDataSource()).assertAppliedToOwnDatabase("consumer_service")
			.containsSubsequence("1", "2", "3");
	}

	@Test
	void guardsMoneyInTheSchemaToo() {
		var check = jdbc.queryForObject("""
				SELECT count(*) FROM information_schema.check_constraints
				WHERE check_clause LIKE '%order_limit_amount >= %'""", Integer.class);

		assertThat(check).isEqualTo(1);
	}
}
