package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Stopping a running stack from outside its terminal, as {@code ./stack stop} does: where no Ctrl-C can be
 * sent to the launcher (a CI job, a script, another window on Windows) this leads to the same ordered stop.
 * The launcher records its pid in {@code <runDir>/pids/launcher.pid} and, once the stack is up, looks for
 * the file {@code <runDir>/stop-requested}.
 */
final class StopRequest {

	private final Path requestFile;
	private final Path launcherPidFile;

	StopRequest(Path runDir) {
		this.requestFile = runDir.resolve("stop-requested");
		this.launcherPidFile = runDir.resolve("pids").resolve("launcher.pid");
	}

	/** The launcher, before it starts anything: a request left over from an earlier run must not stop this one. */
	void launcherStarting(long pid) {
		try {
			Files.deleteIfExists(requestFile);
			Files.createDirectories(launcherPidFile.getParent());
			Files.writeString(launcherPidFile, pid + "\n");
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write " + launcherPidFile, e);
		}
	}

	boolean requested() {
		return Files.exists(requestFile);
	}

	void launcherStopped() {
		try {
			Files.deleteIfExists(requestFile);
			Files.deleteIfExists(launcherPidFile);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not clean up " + requestFile.getParent(), e);
		}
	}

	/**
	 * The launcher that recorded its pid here, if it still runs. It is recognised as a JVM that started before
	 * it wrote the pid file: its own arguments are the user's, with nothing of ours to look for.
	 */
	Optional<ProcessHandle> runningLauncher() {
		try {
			if (!Files.isRegularFile(launcherPidFile)) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(launcherPidFile).trim());
			Optional<Instant> written = Optional.of(Files.getLastModifiedTime(launcherPidFile).toInstant());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
					.filter(process -> ProcessIdentity.matches(Optional.empty(), process.info().command(),
							process.info().startInstant(), written, "", "java"));
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	void request() {
		try {
			Files.writeString(requestFile, "requested by ./stack stop (pid " + ProcessHandle.current().pid() + ")\n");
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write " + requestFile, e);
		}
	}

	Path launcherPidFile() {
		return launcherPidFile;
	}
}
