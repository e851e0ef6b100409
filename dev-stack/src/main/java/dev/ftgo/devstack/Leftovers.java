package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a launcher that ended without stopping its stack (a {@code kill -9}, a crash, a test JVM halted by its
 * build) left running: the child processes that the pid files of the run dir name, each recognised by its
 * {@code -Dftgo.component=<instance>} marker so that a reused pid is never mistaken for one, and the postmaster of
 * the run's data directory. The next start ends them before it checks its ports ({@link Preflight}); {@code ./stack
 * stop} ends them when no launcher is left to ask.
 */
final class Leftovers {

	private static final String PID_SUFFIX = ".pid";
	// <component>.pid for instance 1, <component>-<n>.pid for a further instance (what ManagedProcess writes)
	private static final Pattern PID_FILE = Pattern.compile("(" + Stream.of(Component.values())
			.map(component -> Pattern.quote(component.id())).collect(Collectors.joining("|")) + ")(-(\\d+))?"
			+ Pattern.quote(PID_SUFFIX));

	/** One child process of an earlier run that is still alive. */
	record Leftover(String instance, Component component, int number, PidFile pidFile, ProcessHandle process) {
	}

	private Leftovers() {
	}

	/** The live leftovers that the pid files in {@code <runDir>/pids} name. */
	static List<Leftover> children(StackLayout layout) {
		if (!Files.isDirectory(layout.pidsDir())) {
			return List.of();
		}
		List<Path> pidFiles;
		try (Stream<Path> files = Files.list(layout.pidsDir())) {
			pidFiles = files.sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not list " + layout.pidsDir(), e);
		}
		return pidFiles.stream().flatMap(file -> leftover(file).stream()).toList();
	}

	private static Optional<Leftover> leftover(Path file) {
		Matcher name = PID_FILE.matcher(file.getFileName().toString());
		if (!name.matches()) {
			return Optional.empty();
		}
		String instance = name.group(1) + (name.group(2) == null ? "" : name.group(2));
		int number = name.group(3) == null ? 1 : Integer.parseInt(name.group(3));
		PidFile pidFile = new PidFile(file, ChildCommand.marker(instance));
		return pidFile.leftover().map(process ->
				new Leftover(instance, Component.byId(name.group(1)).orElseThrow(), number, pidFile, process));
	}

	/**
	 * Ends every leftover in the stack's stop order, the last stage first and the instances of a stage together,
	 * each with the grace a running stack gives it, then the postmaster; says each one it ended.
	 *
	 * @return how many processes it ended
	 */
	static int stopAll(StackLayout layout, Consumer<String> report) {
		Map<Integer, List<Leftover>> byStage = new TreeMap<>(Comparator.reverseOrder());
		children(layout).forEach(leftover ->
				byStage.computeIfAbsent(leftover.component().stage(), stage -> new ArrayList<>()).add(leftover));
		int stopped = 0;
		for (List<Leftover> stage : byStage.values()) {
			CompletableFuture.allOf(stage.stream().map(leftover -> CompletableFuture.runAsync(() -> {
				ProcessTree.terminate(leftover.process(), ManagedProcess.DEFAULT_GRACE);
				leftover.pidFile().delete();
				report.accept("Stopped a leftover " + leftover.instance() + " (pid " + leftover.process().pid() + ")");
			})).toArray(CompletableFuture[]::new)).join();
			stopped += stage.size();
		}
		Optional<Long> postgres = new Postmaster(layout.postgresDataDir()).stopLeftover(ManagedProcess.DEFAULT_GRACE);
		postgres.ifPresent(pid -> report.accept("Stopped a leftover postgres (pid " + pid + ")"));
		return stopped + (postgres.isPresent() ? 1 : 0);
	}
}
