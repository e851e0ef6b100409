package dev.ftgo.deployment;

/** Pieces of compose files that the tests of the compose checks put together. */
final class ComposeSnippets {

	/** The health check of docker-compose.yml's applications, to append to a service that should have one. */
	static final String HEALTHY = """
			    healthcheck:
			      test: [CMD, /usr/local/bin/healthcheck, /actuator/health/readiness]
			""";

	private ComposeSnippets() {
	}
}
