package dev.ftgo.testsupport;

import org.testcontainers.DockerClientFactory;

/** The one place that asks Testcontainers whether a Docker engine answers. */
final class DockerEngine {

	private DockerEngine() {
	}

	/**
	 * Whether a Docker engine answers, and nothing more. Testcontainers tries each way it knows to reach
	 * one (DOCKER_HOST, the socket, its own configuration), pings it and remembers the answer, so asking
	 * again is cheap.
	 * <p>
	 * Not {@link DockerClientFactory#isDockerAvailable()}: that builds the full client, which starts the
	 * resource reaper's container first and so pulls its image. With an engine that cannot pull (no
	 * registry, a registry mirror not configured yet) it waits out the pull's retries and then answers
	 * "no engine" for an engine that is there. Whether the images can be had is for the container that
	 * needs one to say, when it starts.
	 */
	static boolean available() {
		try {
			DockerClientFactory.instance().getTransportConfig();
			return true;
		}
		catch (IllegalStateException noValidStrategy) {
			return false;
		}
	}
}
