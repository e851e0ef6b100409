package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.testsupport.TestDatabase;

/**
 * The outbox against real PostgreSQL, observed where the relay observes it: through a logical decoding slot
 * ({@code test_decoding}), which shows exactly what committed to the WAL.
 */
@SpringBootTest
class OutboxWriterIT {

	private static final String SLOT = "outbox_writer_it";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "messaging");
	}

	@Autowired
	OutboxWriter outbox;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void schemaAndSlot() {
		MessagingSchema.apply(dataSource);
		jdbc.update("DELETE FROM outbox"); // rows stay until a relay deletes them; none runs here
		Integer slots = jdbc.queryForObject("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?", Integer.class, SLOT);
		if (slots == 0) {
			jdbc.queryForList("SELECT pg_create_logical_replication_slot(?, 'test_decoding')", SLOT);
		}
		decodedChanges(); // start each test from an empty slot
	}

	@AfterAll
	static void dropSlot(@Autowired JdbcTemplate jdbc) {
		jdbc.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?", SLOT);
	}

	@Test
	void aCommittedMessageIsInTheLogAndStaysInTheTableForTheRelayToDelete() {
		var message = Message.of("order.events", "order-1", "OrderCreated", Map.of("orderId", "order-1", "total", 12))
				.withHeaders(MessageHeaders.NONE.withCorrelationId("corr-1").withReplyTo("order.replies").withSchemaVersion("1"));

		transaction.executeWithoutResult(status -> outbox.send(message));

		List<String> changes = decodedChanges();
		assertThat(changes).filteredOn(change -> change.contains("INSERT")).singleElement().satisfies(insert -> assertThat(insert)
				.contains("id[uuid]:'" + message.id() + "'", "destination[character varying]:'order.events'",
						"aggregate_id[character varying]:'order-1'", "type[character varying]:'OrderCreated'",
						"correlation_id[character varying]:'corr-1'", "reply_to[character varying]:'order.replies'",
						"traceparent[character varying]:null", "schema_version[character varying]:'1'")
				.containsPattern("payload\\[jsonb\\]:'\\{\"total\": 12, \"orderId\": \"order-1\"}'"));
		assertThat(changes).filteredOn(change -> change.contains("DELETE")).isEmpty();
		assertThat(jdbc.queryForList("SELECT id FROM outbox", java.util.UUID.class)).containsExactly(message.id());
	}

	@Test
	void aRolledBackMessageNeverReachesTheLog() {
		var rolledBack = Message.of("order.events", "order-2", "OrderCreated", Map.of("orderId", "order-2"));
		var committed = Message.of("order.events", "order-3", "OrderCreated", Map.of("orderId", "order-3"));

		transaction.executeWithoutResult(status -> {
			outbox.send(rolledBack);
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> outbox.send(committed));

		List<String> inserts = decodedChanges().stream().filter(change -> change.contains("INSERT")).toList();
		assertThat(inserts).singleElement().satisfies(insert -> assertThat(insert).contains(committed.id().toString()));
	}

	@Test
	void refusesToSendOutsideATransaction() {
		var message = Message.of("order.events", "order-4", "OrderCreated", Map.of("orderId", "order-4"));

		assertThatThrownBy(() -> outbox.send(message)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("transaction");
		assertThat(decodedChanges()).noneMatch(change -> change.contains(message.id().toString()));
	}

	@Test
	void refusesAPayloadThatIsNotAJsonObject() {
		var message = Message.of("order.events", "order-5", "OrderCreated", List.of(1, 2));

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.send(message)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
	}

	private List<String> decodedChanges() {
		return jdbc.queryForList("SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)", String.class, SLOT);
	}
}
