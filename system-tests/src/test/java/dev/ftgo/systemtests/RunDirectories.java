package dev.ftgo.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.FileSystemUtils;

/**
 * The run directories of the stacks these tests start, in the temporary folder: logs, pid files and the
 * PostgreSQL and Kafka data, about a hundred megabytes each. They are deleted when the test is done with
 * them, passed or failed, unless {@code -Dftgo.test.keep-run-dirs=true} asks to keep them for a look at the
 * logs (docs/testing.md); a kept one is named on standard output.
 */
final class RunDirectories {

	/** The property that keeps the run directories. */
	static final String KEEP = "ftgo.test.keep-run-dirs";

	// a process just stopped or killed may still be letting go of its files (PostgreSQL's backends exit
	// after the postmaster): deleting is retried this long
	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(30);

	private RunDirectories() {
	}

	/** A new, empty directory {@code ftgo-<name>-<random>} in the temporary folder. */
	static Path create(String name) {
		try {
			return Files.createTempDirectory("ftgo-" + name + "-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Deletes {@code dir} and everything in it, unless {@link #KEEP} is set; nothing to do when it is gone. */
	static void release(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		if (Boolean.getBoolean(KEEP)) {
			System.out.println("Kept the run directory " + dir + " (" + KEEP + "=true)");
			return;
		}
		await("deletion of " + dir).atMost(RELEASE_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
				.until(() -> {
					FileSystemUtils.deleteRecursively(dir);
					return !Files.exists(dir);
				});
	}
}
