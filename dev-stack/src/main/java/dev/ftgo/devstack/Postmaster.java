package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process of one data directory, found through {@code postmaster.pid} (whose
 * first line is its pid) rather than through zonky, which does not expose it.
 */
final class Postmaster {

	private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

	private final Path dataDir;

	Postmaster(Path dataDir) {
		this.dataDir = dataDir;
	}

	Optional<Long> pid() {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** The live postmaster of this data directory; a reused pid belonging to something else does not count. */
	Optional<ProcessHandle> running() {
		return pid().flatMap(ProcessHandle::of)
				.filter(ProcessHandle::isAlive)
				.filter(process -> ProcessIdentity.matches(process, dataDir.toString(), "postgres", dataDir.resolve("postmaster.pid")));
	}

	void kill() {
		running().ifPresent(ProcessTree::kill);
		removeStaleFiles();
	}

	/**
	 * A postmaster still running on this directory was left by a crashed run; it holds the port and the data.
	 *
	 * @return its pid, if there was one
	 */
	OptionalLong killLeftover() {
		Optional<ProcessHandle> leftover = running();
		leftover.ifPresent(process -> {
			log.warn("Stopping a leftover postgres (pid {}) from an earlier run on {}", process.pid(), dataDir);
			ProcessTree.kill(process);
		});
		removeStaleFiles();
		return leftover.map(process -> OptionalLong.of(process.pid())).orElse(OptionalLong.empty());
	}

	/**
	 * Stops a postmaster that a launcher which has gone left running: SIGTERM, PostgreSQL's smart shutdown (no
	 * client is left once the stack's other processes are gone), then a kill after {@code grace}.
	 *
	 * @return its pid, if there was one
	 */
	Optional<Long> stopLeftover(Duration grace) {
		Optional<ProcessHandle> leftover = running();
		leftover.ifPresent(process -> ProcessTree.terminate(process, grace));
		removeStaleFiles();
		return leftover.map(ProcessHandle::pid);
	}

	void awaitExitOrKill(ProcessHandle process, Duration grace) {
		if (!ProcessTree.awaitExit(process, grace)) {
			ProcessTree.kill(process);
		}
	}

	/**
	 * After a kill, postmaster.pid names a dead (and possibly soon reused) pid, and zonky's lock file may
	 * still be locked by a zonky instance of this JVM that never got closed. Neither may block a restart.
	 */
	private void removeStaleFiles() {
		if (running().isPresent()) {
			return;
		}
		try {
			Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
			Files.deleteIfExists(dataDir.resolve("epg-lock"));
		} catch (IOException e) {
			throw new UncheckedIOException("Could not remove stale lock files in " + dataDir, e);
		}
	}
}
