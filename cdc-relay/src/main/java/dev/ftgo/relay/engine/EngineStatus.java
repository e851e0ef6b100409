package dev.ftgo.relay.engine;

import java.time.Instant;

/**
 * What one engine is doing, for health: {@code RUNNING} once it streams from its slot; {@code STANDBY} while
 * another relay instance streams the source; {@code FAILED} from a failure until the next attempt streams again.
 */
record EngineStatus(State state, Instant since, String lastError, Instant lastErrorAt, long restarts, Instant slotLostAt) {

	enum State {
		STARTING, RUNNING, STANDBY, FAILED, STOPPED
	}

	static EngineStatus starting(Instant now) {
		return new EngineStatus(State.STARTING, now, null, null, 0, null);
	}

	EngineStatus running(Instant now) {
		return new EngineStatus(State.RUNNING, now, lastError, lastErrorAt, restarts, slotLostAt);
	}

	EngineStatus failed(Throwable error, Instant now) {
		return new EngineStatus(State.FAILED, now, describe(error), now, restarts + 1, slotLostAt);
	}

	/** Another relay instance streams the source; this one waits to take over. */
	EngineStatus standby(Instant now) {
		return new EngineStatus(State.STANDBY, now, lastError, lastErrorAt, restarts, slotLostAt);
	}

	EngineStatus stopped(Instant now) {
		return new EngineStatus(State.STOPPED, now, lastError, lastErrorAt, restarts, slotLostAt);
	}

	/** The slot was found invalidated: remembered, so that health keeps saying so after the engine recovered. */
	EngineStatus slotLost(String why, Instant now) {
		return new EngineStatus(state, since, why, now, restarts, now);
	}

	private static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = error.getClass().getSimpleName() + ": " + error.getMessage();
		return root == error ? message : message + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
	}
}
