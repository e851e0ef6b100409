package dev.ftgo.testsupport;

import org.testcontainers.DockerClientFactory;

/** The one place that asks Testcontainers whether a Docker engine answers. */
final class DockerEngine {

	private DockerEngine() {
	}

	/**
	 * Testcontainers tries each way it knows to reach an engine (DOCKER_HOST, the socket, its own
	 * configuration) and remembers a failure, so asking again is cheap.
	 */
	static boolean available() {
		return DockerClientFactory.instance().isDockerAvailable();
	}
}
