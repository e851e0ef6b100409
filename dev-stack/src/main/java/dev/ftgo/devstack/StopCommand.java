package dev.ftgo.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./stack stop}: asks the stack running from the run dir to stop, as Ctrl-C in its terminal would,
 * and waits until its launcher has stopped every component and exited. Exit code 0 once it has,
 * {@value #NOT_RUNNING} when no stack runs there, 1 when it is still running after the timeout.
 */
record StopCommand(boolean help, Path runDir, Duration timeout) {

	static final String NAME = "stop";
	static final int NOT_RUNNING = 3;

	// the launcher looks every 2 s; stopping the services, the broker and PostgreSQL in order takes well under a minute
	private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

	/** @throws IllegalArgumentException for a usage error, worded for the person at the terminal */
	static StopCommand parse(List<String> args) {
		SubcommandArgs options = SubcommandArgs.parse(NAME, args, Set.of("--run-dir", "--timeout"));
		return new StopCommand(options.help(), options.value("--run-dir").map(dir -> Path.of(dir).toAbsolutePath()).orElse(null),
				options.value("--timeout").map(TokenCommand::ttl).orElse(DEFAULT_TIMEOUT));
	}

	int run(StackLayout layout, PrintStream out, PrintStream err) {
		StopRequest stop = new StopRequest(layout.runDir());
		Optional<ProcessHandle> launcher = stop.runningLauncher();
		if (launcher.isEmpty()) {
			err.println("No stack is running from " + layout.runDir() + " (no live launcher in " + stop.launcherPidFile() + ").");
			return NOT_RUNNING;
		}
		out.println("Stopping the stack (launcher pid " + launcher.get().pid() + ")...");
		stop.request();
		if (!ProcessTree.awaitExit(launcher.get(), timeout)) {
			err.println("The stack is still stopping after " + timeout.toSeconds() + " s; its logs are in " + layout.logsDir());
			return 1;
		}
		out.println("Stopped.");
		return 0;
	}
}
