package dev.ftgo.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.ftgo.devstack.PostgresServer;

/**
 * One real PostgreSQL 17 (embedded binaries, not a fake) per test JVM, stopped when the JVM exits.
 * Each service's tests get that service's own database and login role, as in production.
 * Under {@code -Dftgo.test.infrastructure=testcontainers} (or {@code auto} with a Docker engine) that
 * server is a {@code postgres:17} container instead; see {@link TestInfrastructure}.
 */
public final class TestDatabase {

	private static PostgresServer server;

	private TestDatabase() {
	}

	/**
	 * Points Spring's datasource at {@code database} (created on first use, role of the same name)
	 * and switches Eureka registration off: a service test has no registry to talk to.
	 */
	public static void register(DynamicPropertyRegistry registry, String database) {
		String url = jdbcUrl(database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> database);
		registry.add("spring.datasource.password", () -> database);
		registry.add("eureka.client.enabled", () -> "false");
	}

	/** The URL of {@code database} (created on first use) on whichever server {@link TestInfrastructure} chose. */
	public static String jdbcUrl(String database) {
		if (TestInfrastructure.selected() == TestInfrastructure.TESTCONTAINERS) {
			return SharedPostgresContainer.jdbcUrl(database);
		}
		return server(database).jdbcUrl(database);
	}

	/**
	 * The embedded server itself, for tests that read its port or stop it. It has no counterpart in a
	 * container, so under Testcontainers this refuses rather than start a second, unrelated server.
	 */
	public static synchronized PostgresServer server(String database) {
		if (TestInfrastructure.selected() == TestInfrastructure.TESTCONTAINERS) {
			throw TestInfrastructure.embeddedOnly("TestDatabase.server()", "TestDatabase.jdbcUrl(database)");
		}
		if (server == null) {
			server = PostgresServer.startTemporary();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
		}
		server.ensureDatabase(database);
		return server;
	}
}
