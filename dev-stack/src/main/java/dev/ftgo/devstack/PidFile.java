package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <runDir>/pids/<name>.pid}: lets the next run find a process that a crashed launcher left
 * running. A pid alone is not enough (pids are reused), so a process only counts as a leftover when
 * {@link ProcessIdentity} says it is the component's JVM.
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
				.filter(process -> ProcessIdentity.matches(process, marker, "java", path));
	}

	private Optional<Long> read() {
		try {
			return Files.isRegularFile(path) ? Optional.of(Long.parseLong(Files.readString(path).trim())) : Optional.empty();
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}
}
