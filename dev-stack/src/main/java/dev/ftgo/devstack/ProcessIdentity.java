package dev.ftgo.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a live process is the one a pid file named. A pid alone proves nothing (pids are reused), so
 * the process must also carry an argument only ours carry: a component's marker, a postmaster's data
 * directory. Linux and macOS tell a process's arguments; Windows tells only its executable and start
 * time, so there it must run that executable and have started before the pid file was written (a process
 * that got the pid later started later).
 */
final class ProcessIdentity {

	private ProcessIdentity() {
	}

	/**
	 * @param executable the program's file name without extension, such as {@code java} or {@code postgres}
	 */
	static boolean matches(ProcessHandle process, String argument, String executable, Path pidFile) {
		Optional<Instant> written;
		try {
			written = Optional.of(Files.getLastModifiedTime(pidFile).toInstant());
		} catch (IOException e) {
			written = Optional.empty();
		}
		return matches(arguments(process), process.info().command(), process.info().startInstant(), written, argument,
				executable);
	}

	/**
	 * The decision, apart from where its inputs come from. When either time is unknown the executable
	 * alone decides: missing a process of our own would leave it holding ports and files.
	 */
	static boolean matches(Optional<List<String>> arguments, Optional<String> command, Optional<Instant> started,
			Optional<Instant> pidFileWritten, String argument, String executable) {
		if (arguments.isPresent()) {
			return arguments.get().contains(argument);
		}
		// the file name after the last separator of either kind, so that the decision reads the same everywhere
		boolean runsExecutable = command.map(path -> path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1))
				.map(name -> name.toLowerCase(Locale.ROOT))
				.filter(name -> name.equals(executable) || name.equals(executable + ".exe"))
				.isPresent();
		boolean startedLater = started.isPresent() && pidFileWritten.isPresent() && started.get().isAfter(pidFileWritten.get());
		return runsExecutable && !startedLater;
	}

	/** The argument vector, where the operating system tells it: empty on Windows. */
	static Optional<List<String>> arguments(ProcessHandle process) {
		// Linux: /proc has the exact vector, which the JDK's ProcessHandle.Info may cut short
		Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			if (Files.isReadable(cmdline)) {
				return Optional.of(List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0")));
			}
		} catch (IOException e) {
			// the process has just exited; fall through to what the JDK knows
		}
		return process.info().arguments().map(arguments -> {
			// macOS: the JDK tells the arguments without the command, which /proc lists first
			String[] vector = new String[arguments.length + 1];
			vector[0] = process.info().command().orElse("");
			System.arraycopy(arguments, 0, vector, 1, arguments.length);
			return Arrays.asList(vector);
		});
	}
}
