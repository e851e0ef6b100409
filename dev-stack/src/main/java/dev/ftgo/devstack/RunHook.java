package dev.ftgo.devstack;

import java.time.Duration;
import java.util.List;

/** What a {@link ManagedProcess} does around each run of its command; by default, nothing. */
interface RunHook {

	RunHook NONE = new RunHook() {
	};

	/** The command to launch this time, given the one the process was configured with. */
	default List<String> beforeLaunch(List<String> command) {
		return command;
	}

	/** How long a stop lets this run take to exit after SIGTERM, given the process's usual grace. */
	default Duration grace(Duration usual) {
		return usual;
	}

	/** Called once the process has exited after a stop or a kill, with its exit code. */
	default void afterExit(int exitCode) {
	}
}
