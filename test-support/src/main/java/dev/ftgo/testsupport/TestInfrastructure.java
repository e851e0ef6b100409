package dev.ftgo.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.slf4j.LoggerFactory;

/**
 * Where {@link TestDatabase} and {@link TestKafka} get their PostgreSQL and Kafka, chosen once per test
 * JVM by the system property {@value #PROPERTY}:
 * <ul>
 * <li>{@code embedded} (the default, and what CI runs): zonky's PostgreSQL binaries and dev-stack's
 * broker as a child JVM; Docker is never asked about.</li>
 * <li>{@code testcontainers}: one {@code postgres:17} and one {@code apache/kafka} container; fails at
 * once, naming this switch, when Testcontainers finds no Docker engine.</li>
 * <li>{@code auto}: {@code testcontainers} when a Docker engine answers, {@code embedded} otherwise.</li>
 * </ul>
 * {@code ./mvnw verify -Dftgo.test.infrastructure=auto} reaches the test JVMs as is: Surefire and Failsafe
 * pass the command line's user properties on as system properties.
 */
public enum TestInfrastructure {

	EMBEDDED, TESTCONTAINERS;

	public static final String PROPERTY = "ftgo.test.infrastructure";

	private static TestInfrastructure selected;

	/** The choice for this JVM; a refusal is not remembered, so every test that asks reports it. */
	public static synchronized TestInfrastructure selected() {
		if (selected == null) {
			// a lambda, not a method reference, so that DockerEngine (and with it Testcontainers) is loaded
			// only when the switch asks about Docker: the embedded default never touches it
			selected = select(System.getProperty(PROPERTY), () -> DockerEngine.available());
		}
		return selected;
	}

	static TestInfrastructure select(String requested, BooleanSupplier dockerAvailable) {
		String value = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "", "embedded" -> EMBEDDED;
			case "testcontainers" -> {
				if (!dockerAvailable.getAsBoolean()) {
					throw new IllegalStateException("-D" + PROPERTY + "=testcontainers, but Testcontainers finds no "
							+ "Docker engine (its log above says where it looked). Start one, or run with -D" + PROPERTY
							+ "=auto (containers when Docker answers, embedded otherwise) or embedded (the default).");
				}
				yield TESTCONTAINERS;
			}
			case "auto" -> {
				TestInfrastructure choice = dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
				// Testcontainers logs a failed search for Docker as an error; this says it was expected
				LoggerFactory.getLogger(TestInfrastructure.class).info("-D{}=auto: {}", PROPERTY,
						choice == TESTCONTAINERS ? "a Docker engine answers, tests use PostgreSQL and Kafka containers"
								: "no Docker engine, tests use the embedded PostgreSQL and Kafka");
				yield choice;
			}
			default -> throw new IllegalArgumentException(
					PROPERTY + " must be embedded, testcontainers or auto, not '" + requested + "'");
		};
	}

	/**
	 * Refuses a handle on an embedded process when containers were chosen: handing out the embedded one
	 * anyway would start a second server, and the test would check one while the service used the other.
	 */
	static IllegalStateException embeddedOnly(String method, String alternative) {
		return new IllegalStateException(method + " is an embedded process, but -D" + PROPERTY + "="
				+ System.getProperty(PROPERTY) + " chose a container; use " + alternative
				+ ", or run this test with -D" + PROPERTY + "=embedded.");
	}
}
