package dev.ftgo.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.relay.RelaySettings;
import dev.ftgo.testsupport.TestDatabase;

/** The replication backlog gauge against a real slot: what the WAL grew by since the slot's confirmed position. */
class SlotBacklogIT {

	private static final String DATABASE = "slot_backlog_it";
	private static final String SLOT = "slot_backlog_it";

	private static int port;
	private static JdbcTemplate jdbc;

	private final TestClock clock = new TestClock();

	@BeforeAll
	static void database() {
		var postgres = TestDatabase.server(DATABASE);
		port = postgres.port();
		jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(DATABASE), DATABASE,
				DATABASE));
		jdbc.execute("CREATE TABLE IF NOT EXISTS filler (id BIGSERIAL PRIMARY KEY, text TEXT)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS outbox (id UUID PRIMARY KEY)");
	}

	@BeforeEach
	void freshSlot() {
		dropSlot();
		jdbc.queryForList("SELECT pg_create_logical_replication_slot(?, 'test_decoding')", SLOT);
	}

	@AfterAll
	static void dropSlot() {
		jdbc.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?", SLOT);
	}

	@Test
	void measuresTheWalWrittenBeyondTheSlotsConfirmedPosition() {
		var backlog = new SlotBacklog(source(port, SLOT), "outbox", clock);

		long written = writeWal();
		clock.tick();
		double behind = backlog.bytes();

		assertThat(behind).isGreaterThanOrEqualTo(written);
		jdbc.queryForList("SELECT pg_replication_slot_advance(?, pg_current_wal_lsn())", SLOT);
		clock.tick();
		assertThat(backlog.bytes()).isBetween(0.0, behind - written);
	}

	@Test
	void readsTheDatabaseAtMostOncePerMaxAge() {
		var backlog = new SlotBacklog(source(port, SLOT), "outbox", clock);
		double first = backlog.bytes();

		writeWal();

		assertThat(backlog.bytes()).isEqualTo(first);
		clock.tick();
		assertThat(backlog.bytes()).isGreaterThan(first);
	}

	@Test
	void countsTheRowsInTheOutbox() {
		jdbc.update("DELETE FROM outbox");
		var backlog = new SlotBacklog(source(port, SLOT), "outbox", clock);
		assertThat(backlog.rows()).isZero();

		jdbc.update("INSERT INTO outbox (id) SELECT gen_random_uuid() FROM generate_series(1, 3)");
		clock.tick();

		assertThat(backlog.rows()).isEqualTo(3);
	}

	@Test
	void isUnknownBeforeTheSlotExists() {
		assertThat(new SlotBacklog(source(port, "no_such_slot"), "outbox", clock).bytes()).isNaN();
	}

	@Test
	void isUnknownWhileTheDatabaseIsUnreachableAndRecoversWithIt() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertThat(new SlotBacklog(source(closedPort, SLOT), "outbox", clock).bytes()).isNaN();
		assertThat(new SlotBacklog(source(port, SLOT), "outbox", clock).bytes()).isNotNaN();
	}

	/** How many bytes of WAL some inserts took. */
	private static long writeWal() {
		String before = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
		jdbc.update("INSERT INTO filler (text) SELECT repeat('x', 500) FROM generate_series(1, 2000)");
		return jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint", Long.class, before);
	}

	private static RelaySettings.Source source(int port, String slot) {
		return new RelaySettings.Source("backlog-it", "127.0.0.1", port, DATABASE, DATABASE, DATABASE, slot, slot);
	}

	/** A clock the test moves past the backlog's caching age. */
	private static final class TestClock extends Clock {

		private Instant now = Instant.parse("2030-01-01T00:00:00Z");

		void tick() {
			now = now.plus(SlotBacklog.MAX_AGE);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
