package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code <runDir>/pids/<name>.pid}: lets the next run find a process that a crashed launcher left
 * running. A pid alone is not enough (pids are reused), so a process only counts as a leftover when
 * its command line also carries the component's marker argument.
 */
final class PidFile {

	private final Path path;
	private final String marker;

	PidFile(Path path, String marker) {
		this.path = path;
		this.marker = marker;
	}

	Path path() {
		return path;
	}

	void write(long pid) {
		try {
			Files.createDirectories(path.getParent());
			Files.writeString(path, pid + "\n");
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write " + path, e);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(path);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + path, e);
		}
	}

	Optional<ProcessHandle> leftover() {
		return read().flatMap(ProcessHandle::of)
				.filter(ProcessHandle::isAlive)
				.filter(process -> arguments(process).contains(marker));
	}

	private Optional<Long> read() {
		try {
			return Files.isRegularFile(path) ? Optional.of(Long.parseLong(Files.readString(path).trim())) : Optional.empty();
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	static List<String> arguments(ProcessHandle process) {
		// /proc has the exact argument vector; ProcessHandle.Info may truncate or omit it.
		Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
		try {
			if (Files.isReadable(cmdline)) {
				return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
			}
		} catch (IOException e) {
			// the process has just exited; fall through to what the JDK knows
		}
		return process.info().arguments().map(Arrays::asList)
				.or(() -> process.info().commandLine().map(line -> List.of(line.split("\\s+"))))
				.orElse(List.of());
	}
}
