package dev.ftgo.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting in the polling loops of a measurement; an interrupt (Ctrl-C) ends the run. */
final class Pause {

	private Pause() {
	}

	static void millis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
	}

	/** Sleeps until {@code System.nanoTime()} reaches {@code deadline}; returns at once when it has. */
	static void until(long deadline) {
		for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted");
			}
		}
	}
}
