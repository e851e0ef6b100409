package dev.ftgo.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers counterpart of dev-stack's PostgresServer: one {@code postgres:17} per test JVM with
 * the same server settings, and per service a database owned by a LOGIN REPLICATION role whose password is
 * its name. Testcontainers' reaper removes the container if the JVM dies before the shutdown hook runs.
 */
final class SharedPostgresContainer {

	// no registry host: Docker's default registry, or whatever the developer's Testcontainers config substitutes
	static final String IMAGE = "postgres:17";

	private static final String SUPERUSER = "postgres";
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static PostgreSQLContainer container;

	private SharedPostgresContainer() {
	}

	/** Starts the container on first use and creates {@code database} and its role unless present. */
	static synchronized String jdbcUrl(String database) {
		PostgreSQLContainer postgres = container();
		ensureDatabase(postgres, database);
		return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
				+ "/" + database;
	}

	private static PostgreSQLContainer container() {
		if (container == null) {
			PostgreSQLContainer postgres = new PostgreSQLContainer(IMAGE)
					.withUsername(SUPERUSER)
					.withPassword(SUPERUSER)
					.withDatabaseName(SUPERUSER)
					// as dev-stack's embedded server: logical decoding for the relay, room for every pool;
					// fsync stays off as Testcontainers sets it, nothing here kills the container mid-test
					.withCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical", "-c", "max_wal_senders=10",
							"-c", "max_replication_slots=10", "-c", "max_connections=200");
			postgres.start();
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "stop-test-postgres-container"));
			container = postgres;
		}
		return container;
	}

	private static void ensureDatabase(PostgreSQLContainer postgres, String name) {
		// spliced into DDL, which takes no bind parameters
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
		}
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), SUPERUSER, SUPERUSER);
				Statement ddl = connection.createStatement()) {
			String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
			ddl.execute(verb + " ROLE " + name + " WITH LOGIN REPLICATION PASSWORD '" + name + "'");
			if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
				ddl.execute("CREATE DATABASE " + name + " OWNER " + name);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + name + " in " + IMAGE + ": " + e.getMessage(), e);
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}
}
