package dev.ftgo.devstack;

import java.net.URI;

/** Tells whether a started component is ready for use. Throwing counts as "not yet". */
@FunctionalInterface
public interface HealthProbe {

	boolean isHealthy() throws Exception;

	/** What the probe waits for, for the message when it never succeeds. */
	default String description() {
		return "its health check";
	}

	/** Healthy when a GET on the URI answers 200. */
	static HealthProbe http(URI uri) {
		return new HealthProbe() {
			@Override
			public boolean isHealthy() throws Exception {
				return Http.get(uri).statusCode() == 200;
			}

			@Override
			public String description() {
				return "GET " + uri + " to answer 200";
			}
		};
	}
}
