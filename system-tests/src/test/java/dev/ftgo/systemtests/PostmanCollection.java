package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code postman/ftgo.postman_collection.json}, the walkthrough users follow, with newman against a running
 * stack, the way a user would run it from a terminal. Installs the npm tools first (a no-op when the build's
 * {@code contracts} module already did). Newman's output is streamed to the test's output as it comes, and its
 * JUnit report is written to {@code target/newman.xml}.
 */
final class PostmanCollection {

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
	// the walkthrough takes seconds; newman enforces these itself, and the test gives it a minute more to say so
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
	private static final Duration NEWMAN_TIMEOUT = Duration.ofMinutes(3);
	private static final int TAIL_LINES = 60;

	private final Path projectRoot;

	PostmanCollection(Path projectRoot) {
		this.projectRoot = projectRoot;
	}

	/** Runs every request of the collection in order, stopping at the first failure; fails unless all passed. */
	void runAgainst(int gatewayPort, int identityPort) {
		var npmTools = projectRoot.resolve("tools/npm");
		run("npm tools", List.of("node", npmTools.resolve("install.mjs").toString()), INSTALL_TIMEOUT);
		// newman's own script through node, not the node_modules/.bin shim, which is a shell script (newman.cmd on Windows)
		run("newman", List.of("node", npmTools.resolve("node_modules/newman/bin/newman.js").toString(), "run",
				projectRoot.resolve("postman/ftgo.postman_collection.json").toString(),
				"--environment", projectRoot.resolve("postman/ftgo-local.postman_environment.json").toString(),
				"--env-var", "baseUrl=http://127.0.0.1:" + gatewayPort,
				"--env-var", "identityUrl=http://127.0.0.1:" + identityPort,
				"--bail", "--color", "off", "--timeout-request", String.valueOf(REQUEST_TIMEOUT.toMillis()),
				"--timeout", String.valueOf(NEWMAN_TIMEOUT.toMillis()),
				"--reporters", "cli,junit",
				"--reporter-junit-export", Path.of("target", "newman.xml").toAbsolutePath().toString()),
				NEWMAN_TIMEOUT.plusMinutes(1));
	}

	private void run(String name, List<String> command, Duration timeout) {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(projectRoot.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start " + name + " (" + String.join(" ", command)
					+ "); Node.js 20.17+ and npm must be on the PATH", e);
		}
		Deque<String> tail = new ArrayDeque<>();
		var pump = new Thread(() -> stream(process, name, tail), name + "-output");
		pump.setDaemon(true);
		pump.start();
		try {
			boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
			if (exited) {
				pump.join(TimeUnit.SECONDS.toMillis(10));
			}
			assertThat(exited).as("%s still running after %s", name, timeout).isTrue();
			assertThat(process.exitValue()).as("%s's exit code; its last lines:%n%s", name, String.join("\n", copy(tail)))
					.isZero();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + name + " ran", e);
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	private static void stream(Process process, String name, Deque<String> tail) {
		try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				System.out.println("[" + name + "] " + line);
				synchronized (tail) {
					tail.addLast(line);
					if (tail.size() > TAIL_LINES) {
						tail.removeFirst();
					}
				}
			}
		}
		catch (IOException e) {
			// the process was destroyed while we read; its exit code tells what happened
		}
	}

	private static List<String> copy(Deque<String> tail) {
		synchronized (tail) {
			return List.copyOf(tail);
		}
	}
}
