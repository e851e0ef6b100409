package dev.ftgo.devstack;

import java.time.Duration;

/** A part of the stack that can be started, checked, stopped and killed on its own. */
public interface ManagedComponent {

	String name();

	/** Launches the component; returns before it is necessarily ready (see {@link #awaitHealthy}). */
	void start();

	/**
	 * Blocks until the component answers its health check.
	 *
	 * @throws ComponentFailedException when it exits first or the timeout passes
	 */
	void awaitHealthy(Duration timeout);

	/** Graceful stop; does nothing when not running. */
	void stop();

	/** Abrupt end, as a crash or {@code kill -9} would; does nothing when not running. */
	void kill();

	boolean isAlive();
}
