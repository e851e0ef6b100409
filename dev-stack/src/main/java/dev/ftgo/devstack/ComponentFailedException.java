package dev.ftgo.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A component exited or stayed unhealthy while the stack waited for it. The message carries the
 * component, its exit code when it exited, the log file and the log's last lines, because that is
 * what a developer needs to see first and all the CLI shows.
 */
public final class ComponentFailedException extends StackException {

	private final String component;
	private final Path logFile;
	private final OptionalInt exitCode;

	ComponentFailedException(String component, String problem, Path logFile, OptionalInt exitCode, Throwable cause) {
		super(component + " " + problem + "\n" + LogTail.describe(logFile), cause);
		this.component = component;
		this.logFile = logFile;
		this.exitCode = exitCode;
	}

	static ComponentFailedException exited(String component, int exitCode, Path logFile) {
		return new ComponentFailedException(component, "exited with code " + exitCode + " before it became healthy.",
				logFile, OptionalInt.of(exitCode), null);
	}

	static ComponentFailedException timedOut(String component, Duration timeout, String waitedFor, Path logFile) {
		return new ComponentFailedException(component, "did not become healthy within %d s (waited for %s)."
				.formatted(timeout.toSeconds(), waitedFor), logFile, OptionalInt.empty(), null);
	}

	static ComponentFailedException failed(String component, String problem, Path logFile, Throwable cause) {
		return new ComponentFailedException(component, problem, logFile, OptionalInt.empty(), cause);
	}

	public String component() {
		return component;
	}

	public Path logFile() {
		return logFile;
	}

	public OptionalInt exitCode() {
		return exitCode;
	}
}
