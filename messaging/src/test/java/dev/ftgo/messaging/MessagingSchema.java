package dev.ftgo.messaging;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Applies the DDL the library ships, as a service's migration would. */
final class MessagingSchema {

	private MessagingSchema() {
	}

	static void apply(DataSource dataSource) {
		new ResourceDatabasePopulator(new ClassPathResource("db/outbox/outbox.sql"),
				new ClassPathResource("db/outbox/processed_message.sql")).execute(dataSource);
	}
}
