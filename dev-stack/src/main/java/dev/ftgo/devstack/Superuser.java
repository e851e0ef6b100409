package dev.ftgo.devstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** Administrative SQL as the {@code postgres} superuser that zonky's initdb creates. */
final class Superuser {

	private static final long POLL_MILLIS = 250;
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final int port;

	Superuser(int port) {
		this.port = port;
	}

	Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		// fail fast while polling a server that is still starting
		properties.setProperty("connectTimeout", "2");
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
	}

	/** Polls until the server accepts a connection, it dies, or the timeout passes. */
	void awaitConnectable(Duration timeout, BooleanSupplier alive, Path logFile) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try (Connection connection = connect("postgres")) {
				connection.createStatement().execute("SELECT 1");
				return;
			} catch (SQLException e) {
				if (!alive.getAsBoolean() || System.nanoTime() - deadline >= 0) {
					throw ComponentFailedException.failed("postgres", "does not accept connections: " + e.getMessage(), logFile, e);
				}
			}
			try {
				Thread.sleep(POLL_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new StackException("Interrupted while waiting for postgres", e);
			}
		}
	}

	void ensureDatabase(String name) {
		// spliced into DDL, which takes no bind parameters
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
		}
		try (Connection connection = connect("postgres"); Statement ddl = connection.createStatement()) {
			// ALTER on an existing role re-asserts the attributes, so a role changed by hand is repaired too
			String verb = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
			ddl.execute(verb + " ROLE " + name + " WITH LOGIN REPLICATION PASSWORD '" + name + "'");
			if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
				ddl.execute("CREATE DATABASE " + name + " OWNER " + name);
			}
		} catch (SQLException e) {
			throw new StackException("Could not create database " + name + ": " + e.getMessage(), e);
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
