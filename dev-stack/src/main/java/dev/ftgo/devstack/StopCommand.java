package dev.ftgo.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./stack stop}: asks the stack running from the run dir to stop, as Ctrl-C in its terminal would,
 * and waits until its launcher has stopped every component and exited. When the launcher is gone (killed, crashed)
 * but processes it started still run, it stops those itself, in the stack's stop order. Exit code 0 once it has,
 * {@value #NOT_RUNNING} when nothing of a stack runs there, 1 when it is still running after the timeout.
 */
@Command(name = StopCommand.NAME,
		description = {"Stops the stack running from the run dir, as Ctrl-C in its terminal does, and waits until it has.",
				"For scripts, CI and a second window; the stack takes the request once it is up.",
				"When its launcher was killed, stops the processes that it left running.", ""},
		exitCodeList = {
				" 0:the stack has stopped",
				" 1:it is still stopping after the timeout, or no project is found here",
				" 3:nothing of a stack runs from the run dir",
				"64:bad usage" })
final class StopCommand extends ConsoleCommand {

	static final String NAME = "stop";
	static final int NOT_RUNNING = 3;

	@Mixin
	RunDirOption runDir;

	// the launcher looks every 2 s, then stops the stages in turn, the services' the longest (their 12 s drain
	// included): together well under a minute, and 3 minutes leave room for a machine busy with builds
	@Option(names = "--timeout", paramLabel = "DURATION", converter = OptionValues.PositiveDuration.class,
			defaultValue = "3m", description = "how long to wait: 90s, 3m (the default)")
	Duration timeout;

	StopCommand(PrintStream out, PrintStream err) {
		super(out, err);
	}

	@Override
	public Integer call() {
		return reporting(() -> run(runDir.layout()));
	}

	int run(StackLayout layout) {
		StopRequest stop = new StopRequest(layout.runDir());
		Optional<ProcessHandle> launcher = stop.runningLauncher();
		if (launcher.isEmpty()) {
			return stopLeftovers(layout, stop);
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

	/** No launcher to ask: it was killed or crashed, and what it started may still run. */
	private int stopLeftovers(StackLayout layout, StopRequest stop) {
		String noLauncher = "No stack is running from " + layout.runDir() + " (no live launcher in " + stop.launcherPidFile() + ")";
		if (Leftovers.children(layout).isEmpty() && new Postmaster(layout.postgresDataDir()).running().isEmpty()) {
			err.println(noLauncher + ".");
			return NOT_RUNNING;
		}
		out.println(noLauncher + ", but processes its launcher started are: stopping them...");
		int stopped = Leftovers.stopAll(layout, out::println);
		out.println("Stopped " + stopped + " leftover process" + (stopped == 1 ? "" : "es") + ".");
		return 0;
	}
}
