package dev.ftgo.relay;

import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.OutboxWriter;

import com.zaxxer.hikari.HikariDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service database as the relay sees it: the messaging library's outbox table, written by its
 * OutboxWriter, one transaction per message.
 */
final class OutboxDatabase implements AutoCloseable {

	private final HikariDataSource dataSource = new HikariDataSource();
	private final TransactionTemplate transactions;
	private final OutboxWriter outbox;

	OutboxDatabase(String jdbcUrl, String user) {
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(user);
		dataSource.setPassword(user);
		dataSource.setMaximumPoolSize(2);
		dataSource.setConnectionTimeout(5_000);
		new ResourceDatabasePopulator(new ClassPathResource("db/outbox/outbox.sql")).execute(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		outbox = new OutboxWriter(dataSource, JsonMapper.builder().build());
	}

	Message send(String destination, String key, String type, Map<String, Object> payload) {
		var message = Message.of(destination, key, type, payload);
		send(message);
		return message;
	}

	void send(Message message) {
		transactions.executeWithoutResult(status -> outbox.send(message));
	}

	void sendAndRollBack(Message message) {
		transactions.executeWithoutResult(status -> {
			outbox.send(message);
			status.setRollbackOnly();
		});
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource);
	}

	@Override
	public void close() {
		dataSource.close();
	}
}
