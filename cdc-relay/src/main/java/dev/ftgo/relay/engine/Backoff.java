package dev.ftgo.relay.engine;

import java.time.Duration;

/** Exponential backoff between engine restarts: doubles from {@code initial}, capped at {@code max}. */
record Backoff(Duration initial, Duration max) {

	Duration next(Duration current) {
		Duration doubled = current.multipliedBy(2);
		return doubled.compareTo(max) > 0 ? max : doubled;
	}

	/** A run that lasted longer than the longest pause was healthy, so its failure starts a new series. */
	Duration afterRun(Duration current, Duration ranFor) {
		return ranFor.compareTo(max) > 0 ? initial : current;
	}
}
