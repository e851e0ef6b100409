package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

	private PostgresServer postgres;

	@BeforeEach
	void startServer() {
		postgres = PostgresServer.startTemporary();
	}

	@AfterEach
	void closeServer() {
		postgres.close();
	}

	@Test
	void createsLoginRoleWithReplicationAndOwnedDatabaseIdempotently() throws SQLException {
		postgres.ensureDatabase("consumer_service");
		postgres.ensureDatabase("consumer_service");

		try (Connection connection = connectAs("consumer_service")) {
			assertThat(query(connection, "SELECT current_user || '@' || current_database()")).isEqualTo("consumer_service@consumer_service");
			assertThat(query(connection, "SELECT rolreplication::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("true");
			assertThat(query(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
					.isEqualTo("consumer_service");
			// the owner can create its schema, as Flyway will
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE owned_by_service (id int)");
			}
		}
	}

	@Test
	void runsWithLogicalReplicationSettings() throws SQLException {
		postgres.ensureDatabase("order_service");
		try (Connection connection = connectAs("order_service")) {
			assertThat(query(connection, "SHOW wal_level")).isEqualTo("logical");
			assertThat(query(connection, "SHOW max_replication_slots")).isEqualTo("10");
			assertThat(query(connection, "SHOW max_wal_senders")).isEqualTo("10");
			assertThat(query(connection, "SHOW synchronous_commit")).isEqualTo("on");
			// a relay that stays away cannot fill the disk: past this PostgreSQL invalidates its slot
			assertThat(query(connection, "SHOW max_slot_wal_keep_size")).isEqualTo(Zonky.maxSlotWalKeepSize());
		}
	}

	@Test
	void keepsCommittedDataAcrossKillAndStartOnTheSameDirectory() throws SQLException {
		postgres.ensureDatabase("kitchen_service");
		try (Connection connection = connectAs("kitchen_service"); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE ticket (id text PRIMARY KEY)");
			statement.execute("INSERT INTO ticket VALUES ('t-1')");
		}
		long pid = postgres.pid().orElseThrow();

		postgres.kill();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(postgres.isAlive()).isFalse();

		postgres.start();

		assertThat(postgres.pid()).isPresent().get().isNotEqualTo(pid);
		try (Connection connection = connectAs("kitchen_service")) {
			assertThat(query(connection, "SELECT string_agg(id, ',') FROM ticket")).isEqualTo("t-1");
		}
	}

	@Test
	void stopEndsThePostmasterAndCloseDeletesTheTemporaryDirectory() {
		long pid = postgres.pid().orElseThrow();
		Path dataDir = postgres.dataDir();

		postgres.close();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(Files.exists(dataDir)).isFalse();
	}

	@Test
	void startEndsAPostmasterThatACrashedRunLeftOnTheSameDirectory() throws SQLException {
		postgres.ensureDatabase("consumer_service");
		long leftover = postgres.pid().orElseThrow();
		// a second server on the same data directory stands for the next run after a crashed launcher
		PostgresServer nextRun = new PostgresServer(postgres.dataDir(), Ports.freePort(), postgres.logFile());
		try {
			nextRun.start();

			assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive)).isEmpty();
			try (Connection connection = DriverManager.getConnection(nextRun.jdbcUrl("consumer_service"), "consumer_service", "x")) {
				assertThat(query(connection, "SELECT current_database()")).isEqualTo("consumer_service");
			}
		} finally {
			nextRun.stop();
			postgres.kill();
		}
	}

	@Test
	void aLeftoverPostmasterIsStoppedAndItsPidFileRemoved() {
		long pid = postgres.pid().orElseThrow();
		Postmaster leftover = new Postmaster(postgres.dataDir()); // what ./stack stop finds once the launcher is gone

		assertThat(leftover.stopLeftover(Duration.ofSeconds(30))).contains(pid);

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(postgres.dataDir().resolve("postmaster.pid")).doesNotExist();
		assertThat(leftover.stopLeftover(Duration.ofSeconds(30))).isEmpty();
	}

	private Connection connectAs(String role) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(role), role, role);
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).as("a row from %s", sql).isTrue();
			return result.getString(1);
		}
	}
}
