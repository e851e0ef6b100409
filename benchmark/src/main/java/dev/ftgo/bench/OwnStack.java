package dev.ftgo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Instance;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackListener;
import dev.ftgo.devstack.StackPorts;

/**
 * The stack the bench starts: every component on free ports, in a fresh temporary run directory, so the
 * start is a true cold start (initdb, Kafka storage format, Flyway migrations, replication slots) and a
 * {@code ./stack} the user runs is never touched. {@link #close()} stops every process it started and
 * deletes the directory unless asked to keep it.
 */
final class OwnStack implements AutoCloseable {

	private final Path runDir;
	private final Stack stack;
	private final boolean keepRunDir;
	private final Map<Component, Duration> startTimes = new ConcurrentSkipListMap<>();
	private Duration coldStart;
	private boolean failed;
	private boolean closed;

	private OwnStack(Path runDir, boolean keepRunDir, PrintStream out) {
		this.runDir = runDir;
		this.keepRunDir = keepRunDir;
		this.stack = Stack.builder(StackLayout.detect().withRunDir(runDir), StackPorts.free())
				.listener(new StackListener() {
					@Override
					public void started(Instance instance, Duration took, String detail) {
						// one of each: the bench times the stack ./stack runs without options
						startTimes.put(instance.component(), took);
						out.printf(Locale.ROOT, "  up  %-17s %5.1f s%n", instance.id(), took.toMillis() / 1000.0);
					}
				}).build();
	}

	static OwnStack create(boolean keepRunDir, PrintStream out) {
		try {
			return new OwnStack(Files.createTempDirectory("ftgo-bench-"), keepRunDir, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Starts everything and times it: from nothing to the gateway routing to every service. */
	void start() {
		long began = System.nanoTime();
		try {
			stack.start();
		}
		catch (RuntimeException e) {
			failed = true;
			throw e;
		}
		coldStart = Duration.ofNanos(System.nanoTime() - began);
	}

	Stack stack() {
		return stack;
	}

	Path runDir() {
		return runDir;
	}

	Result coldStartResult() {
		Map<String, Object> figures = Result.newFigures();
		figures.put("allHealthySeconds", seconds(coldStart));
		startTimes.forEach((component, took) -> figures.put(component.id() + "Seconds", seconds(took)));
		Component slowest = startTimes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
				.orElseThrow();
		String summary = String.format(Locale.ROOT, "%.1f s to all healthy (slowest step: %s %.1f s)",
				seconds(coldStart), slowest.id(), seconds(startTimes.get(slowest)));
		return new Result("coldStart", "6 Cold start to all healthy", summary, figures,
				Result.Goal.of("≤ 30 s", coldStart.compareTo(Duration.ofSeconds(30)) <= 0),
				"fresh run directory: initdb, Kafka storage format, Flyway migrations and replication slots included;"
						+ " stages: postgres+kafka, registry, the three services in parallel, relay+gateway"
						+ " (the gateway counts once it discovers every service)");
	}

	/** Marks the run as failed, so that the run directory and its logs are kept for a look. */
	void keepForInspection() {
		failed = true;
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		stack.close();
		if (keepRunDir || failed) {
			System.out.println("Run directory (data and logs) kept at " + runDir);
			return;
		}
		try (Stream<Path> paths = Files.walk(runDir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException e) {
			System.err.println("Could not delete " + runDir + ": " + e.getMessage());
		}
	}

	private static double seconds(Duration duration) {
		return Distribution.round(duration.toMillis() / 1000.0);
	}
}
