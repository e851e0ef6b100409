package dev.ftgo.devstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process together with everything it started, so that no stop or kill leaves an orphan behind.
 * Only {@link ProcessHandle} is used, so it works wherever a JDK runs. A graceful stop is SIGTERM on Linux
 * and macOS; Windows has no such signal and the JDK ends the process at once there (the JVMs' shutdown
 * hooks do not run; PostgreSQL is stopped with pg_ctl instead, and Kafka recovers its log at the next start).
 */
final class ProcessTree {

	private static final Duration AFTER_FORCE = Duration.ofSeconds(10);
	private static final Duration DESCENDANT_GRACE = Duration.ofSeconds(2);

	private ProcessTree() {
	}

	/** SIGTERM (Windows: at once), up to {@code grace} to exit, then SIGKILL; the same for descendants that outlive the root. */
	static void terminate(ProcessHandle root, Duration grace) {
		// Collected first: once the root has exited its children are re-parented and no longer found under it.
		List<ProcessHandle> descendants = root.descendants().toList();
		stop(root, grace);
		descendants.forEach(descendant -> stop(descendant, DESCENDANT_GRACE));
	}

	/** SIGKILL, as {@code kill -9} does: no chance to clean up, like a crash. */
	static void kill(ProcessHandle root) {
		List<ProcessHandle> descendants = root.descendants().toList();
		root.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		awaitExit(root, AFTER_FORCE);
		descendants.forEach(descendant -> awaitExit(descendant, AFTER_FORCE));
	}

	private static void stop(ProcessHandle process, Duration grace) {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		if (!awaitExit(process, grace)) {
			process.destroyForcibly();
			awaitExit(process, AFTER_FORCE);
		}
	}

	static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (TimeoutException e) {
			return false;
		} catch (ExecutionException e) {
			return !process.isAlive();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}
}
