package dev.ftgo.consumer.consumer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.consumer.RunningConsumerService;
import dev.ftgo.messaging.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What consumer-service sends on {@code consumer.events}: the messages handed to the outbox, and, read back
 * from the WAL through a logical decoding slot as cdc-relay reads it, that each one commits in the
 * transaction of its change and only then. The messages are read from the base class's spy on the outbox.
 */
class ConsumerEventsIT extends RunningConsumerService {

	private static final String SLOT = "consumer_events_it";

	@BeforeAll
	static void createSlot(@Autowired JdbcTemplate jdbc) {
		jdbc.queryForList("SELECT pg_create_logical_replication_slot(?, 'test_decoding')", SLOT);
	}

	@AfterAll
	static void dropSlot(@Autowired JdbcTemplate jdbc) {
		jdbc.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?", SLOT);
	}

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void startFromAnEmptySlot() {
		committedTransactions();
	}

	@Test
	void publishesConsumerRegisteredWithTheFirstVersion() {
		var id = register();

		var event = singleSent(id);
		assertThat(event.destination()).isEqualTo("consumer.events");
		assertThat(event.key()).isEqualTo(id);
		assertThat(event.type()).isEqualTo("ConsumerRegistered");
		assertThat(event.headers().schemaVersion()).isEqualTo("1");
		assertThat(payload(event)).isEqualTo(json.readTree("""
				{"consumerId": "%s", "status": "ACTIVE", "orderLimit": {"amount": "250.50", "currency": "EUR"}, "version": 0}"""
				.formatted(id)));
	}

	@Test
	void publishesEachStatusChangeWithTheVersionItGaveTheRow() {
		var id = register();

		for (var change : List.of("suspend", "reactivate", "suspend")) {
			assertThat(asAdmin().post("/api/v1/consumers/" + id + "/" + change, null).status()).isEqualTo(200);
		}

		var events = sent(id);
		assertThat(events).extracting(Message::type)
				.containsExactly("ConsumerRegistered", "ConsumerSuspended", "ConsumerReactivated", "ConsumerSuspended");
		assertThat(events).extracting(event -> payload(event).get("version").asLong()).containsExactly(0L, 1L, 2L, 3L);
		assertThat(events).extracting(event -> payload(event).get("status").asString())
				.containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "SUSPENDED");
		// the replica keeps the highest version it saw: the last event's must be the row's
		assertThat(jdbc.queryForObject("SELECT version FROM consumer WHERE id = ?::uuid", Long.class, id)).isEqualTo(3L);
	}

	@Test
	void commitsEachEventInTheTransactionOfItsChange() {
		var id = register();
		asAdmin().post("/api/v1/consumers/" + id + "/suspend", null);

		var transactions = committedTransactions().stream().filter(transaction -> transaction.mentions(id)).toList();

		assertThat(transactions).hasSize(2);
		assertThat(transactions.get(0).changes()).anySatisfy(change -> assertThat(change)
				.startsWith("table public.consumer: INSERT:").contains(id));
		assertThat(transactions.get(0).outboxInserts()).singleElement().satisfies(insert -> assertThat(insert)
				.contains("aggregate_id[character varying]:'" + id + "'", "type[character varying]:'ConsumerRegistered'"));
		assertThat(transactions.get(1).changes()).anySatisfy(change -> assertThat(change)
				.startsWith("table public.consumer: UPDATE:").contains("status[character varying]:'SUSPENDED'"));
		assertThat(transactions.get(1).outboxInserts()).singleElement().satisfies(insert -> assertThat(insert)
				.contains("type[character varying]:'ConsumerSuspended'").contains("\"version\": 1"));
	}

	@Test
	void sendsNothingForARefusedChange() {
		var id = register();
		asAdmin().post("/api/v1/consumers/" + id + "/suspend", null);
		committedTransactions();

		assertThat(asAdmin().post("/api/v1/consumers/" + id + "/suspend", null).status()).isEqualTo(409);

		assertThat(sent(id)).extracting(Message::type).containsExactly("ConsumerRegistered", "ConsumerSuspended");
		assertThat(committedTransactions()).noneMatch(transaction -> transaction.mentions(id));
	}

	@Test
	void keepsTheChangeOnlyIfItsEventIsWritten() {
		var id = register();
		committedTransactions();
		doAnswer(invocation -> {
			invocation.callRealMethod();
			throw new IllegalStateException("the outbox failed after the insert");
		}).when(outbox).send(any());

		assertThat(asAdmin().post("/api/v1/consumers/" + id + "/suspend", null).status()).isEqualTo(500);

		assertThat(asAdmin().get("/api/v1/consumers/" + id).json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(committedTransactions()).noneMatch(transaction -> transaction.mentions(id));
	}

	private String register() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "250.5", "currency": "EUR"}}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	/** The messages handed to the outbox about one consumer, in order. */
	private List<Message> sent(String consumerId) {
		var captor = ArgumentCaptor.forClass(Message.class);
		verify(outbox, atLeast(0)).send(captor.capture());
		return captor.getAllValues().stream().filter(message -> message.key().equals(consumerId)).toList();
	}

	private Message singleSent(String consumerId) {
		var messages = sent(consumerId);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	/** The payload as the outbox stores it: JSON text written by the service's own JsonMapper. */
	private JsonNode payload(Message message) {
		return json.readTree(json.writeValueAsString(message.payload()));
	}

	/** The transactions committed since the last call, as logical decoding (and so cdc-relay) sees them. */
	private List<Transaction> committedTransactions() {
		List<Transaction> transactions = new ArrayList<>();
		List<String> current = null;
		for (String line : jdbc.queryForList("SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)", String.class, SLOT)) {
			if (line.startsWith("BEGIN")) {
				current = new ArrayList<>();
			}
			else if (line.startsWith("COMMIT")) {
				transactions.add(new Transaction(current));
				current = null;
			}
			else if (current != null) {
				current.add(line);
			}
		}
		return transactions;
	}

	record Transaction(List<String> changes) {

		boolean mentions(String text) {
			return changes.stream().anyMatch(change -> change.contains(text));
		}

		List<String> outboxInserts() {
			return changes.stream().filter(change -> change.startsWith("table public.outbox: INSERT:")).toList();
		}
	}
}
