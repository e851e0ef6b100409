package dev.ftgo.order;

import java.time.Clock;
import javax.sql.DataSource;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.messaging.RetentionPurge;
import dev.ftgo.order.order.IdempotencySettings;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
class OrderServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Forgets idempotency keys after their retention, so the table stays bounded. */
	@Bean
	RetentionPurge idempotencyKeyPurge(DataSource dataSource, IdempotencySettings settings) {
		return new RetentionPurge(new JdbcTemplate(dataSource), "idempotency_key", "created_at", settings.retention(),
				settings.purgeInterval());
	}
}
