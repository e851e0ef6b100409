package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.devstack.PostgresServer;
import dev.ftgo.messaging.Message;

/**
 * The hazard the outbox's design answers: a relay that stays away while the database writes on. With the slots'
 * WAL capped ({@code max_slot_wal_keep_size}), PostgreSQL invalidates the relay's slot instead of filling its
 * disk; the messages committed meanwhile are then gone from the WAL, but not from the outbox table, and the relay
 * republishes them when it comes back. A server of its own: the cap and the flood of WAL would disturb the other
 * tests' slots.
 */
class WalCapIT {

	private static final String SOURCE = "wal-cap-it";
	private static final String DATABASE = "wal_cap_it";
	private static final String SLOT = "ftgo_relay_wal_cap_it";
	private static final String TOPIC = "order.events";
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static PostgresServer postgres;
	private static OutboxDatabase database;
	private static JdbcTemplate superuser;

	@BeforeAll
	static void cappedServer() {
		// small, so that a test can exceed it: WAL is removed in 16 MB segments at checkpoints
		System.setProperty("ftgo.max-slot-wal-keep-size", "32MB");
		try {
			postgres = PostgresServer.startTemporary();
		}
		finally {
			System.clearProperty("ftgo.max-slot-wal-keep-size");
		}
		postgres.ensureDatabase(DATABASE);
		database = new OutboxDatabase(postgres.jdbcUrl(DATABASE), DATABASE);
		superuser = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(DATABASE),
				"postgres", ""));
		superuser.execute("ALTER SYSTEM SET max_wal_size = '64MB'");
		superuser.execute("SELECT pg_reload_conf()");
		superuser.execute("CREATE TABLE filler (id BIGSERIAL PRIMARY KEY, text TEXT)");
	}

	@AfterAll
	static void stopServer() {
		database.close();
		postgres.close();
	}

	@Test
	void losesNoMessageWhenTheCapInvalidatesTheSlotOfARelayThatWasAway() {
		List<Message> sent = new ArrayList<>();
		List<Message> whileAway = new ArrayList<>();
		try (var relay = start()) {
			// sent as the relay starts afresh: maybe both in the table and in the new slot, and still sent once
			sent.add(send("before"));
			TopicReader.awaitPublished(TOPIC, ids(sent));
			await().atMost(PATIENCE).until(() -> outboxRows() == 0);
		}

		for (int n = 0; n < 50; n++) {
			whileAway.add(send("while-away-" + (n % 5)));
		}
		floodTheWalUntilTheSlotIsLost();
		assertThat(outboxRows()).as("the messages sent while the relay was away, kept in the table").isEqualTo(50);

		try (var relay = start()) {
			sent.addAll(whileAway);
			// republished before the engine's first batch; what is sent from now on comes through the new slot
			await().atMost(PATIENCE).until(() -> relay.prometheus()
				.contains("ftgo_relay_republished_total{source=\"wal-cap-it\"} 50.0"));
			List<Message> after = new ArrayList<>();
			for (int n = 0; n < 20; n++) {
				after.add(send("after-" + (n % 5)));
			}
			sent.addAll(after);

			TopicReader.awaitPublished(TOPIC, ids(sent));
			Map<UUID, Long> copies = TopicReader.readAll(List.of(TOPIC)).stream().map(TopicReader::id)
				.filter(ids(sent)::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(copies).as("copies of each message").hasSize(sent.size())
				.allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isEqualTo(1));
			assertPerKeyOrder(whileAway);
			await().atMost(PATIENCE).until(() -> outboxRows() == 0);

			assertThat(relay.engine(SOURCE).path("details").path("slotLostAt").isMissingNode()).isFalse();
			assertThat(relay.prometheus()).contains("ftgo_relay_slot_lost_total{source=\"wal-cap-it\"} 1.0",
					"ftgo_relay_republished_total{source=\"wal-cap-it\"} 50.0")
				.containsPattern("ftgo_relay_outbox_rows\\{source=\"wal-cap-it\"} \\d");
			assertThat(slotStatus()).isIn("reserved", "extended");
		}
	}

	private static RelayRun start() {
		var run = RelayRun.start(Map.of(
				"ftgo.relay.postgres.port", postgres.port(),
				"ftgo.relay.sources[0].name", SOURCE,
				"ftgo.relay.sources[0].database", DATABASE));
		await().atMost(PATIENCE).until(() -> run.isStreaming(SOURCE));
		return run;
	}

	private static Message send(String key) {
		return database.send(TOPIC, key, "OrderRevised", Map.of("orderId", key, "at", System.nanoTime()));
	}

	/** Writes WAL and checkpoints until PostgreSQL gave up the slot's WAL. */
	private static void floodTheWalUntilTheSlotIsLost() {
		await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
			superuser.update("INSERT INTO filler (text) SELECT repeat(md5(g::text), 30) FROM generate_series(1, 20000) g");
			superuser.execute("SELECT pg_switch_wal()");
			superuser.execute("CHECKPOINT");
			return "lost".equals(slotStatus());
		});
	}

	private static String slotStatus() {
		return superuser.queryForList("SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?", String.class, SLOT)
			.stream().findFirst().orElse("missing");
	}

	private static int outboxRows() {
		return database.jdbc().queryForObject("SELECT count(*) FROM outbox", Integer.class);
	}

	/** The messages of each key arrive in the order they were sent. */
	private static void assertPerKeyOrder(List<Message> messages) {
		var received = TopicReader.readAll(List.of(TOPIC)).stream().map(TopicReader::id).toList();
		Map<String, List<UUID>> sentPerKey = messages.stream().collect(Collectors.groupingBy(Message::key,
				Collectors.mapping(Message::id, Collectors.toList())));
		sentPerKey.forEach((key, ids) -> assertThat(received.stream().filter(ids::contains).toList()).as("order of " + key)
			.containsExactlyElementsOf(ids));
	}

	private static List<UUID> ids(List<Message> messages) {
		return messages.stream().map(Message::id).toList();
	}
}
