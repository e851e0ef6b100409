package dev.ftgo.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.ftgo.devstack.PostgresServer;

/**
 * One real PostgreSQL 17 (embedded binaries, not a fake) per test JVM, stopped when the JVM exits.
 * Each service's tests get that service's own database and login role, as in production.
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
		var postgres = server(database);
		registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
		registry.add("spring.datasource.username", () -> database);
		registry.add("spring.datasource.password", () -> database);
		registry.add("eureka.client.enabled", () -> "false");
	}

	public static synchronized PostgresServer server(String database) {
		if (server == null) {
			server = PostgresServer.startTemporary();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
		}
		server.ensureDatabase(database);
		return server;
	}
}
