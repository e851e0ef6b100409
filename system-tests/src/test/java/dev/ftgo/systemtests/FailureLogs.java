package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a failed test prints of its stack's logs before the run directory is deleted ({@link RunDirectories}): the
 * last error lines of each component, so that a failure on a machine that kept nothing (a CI run) still says what
 * the processes saw. The whole logs stay for a look with {@code -Dftgo.test.keep-run-dirs=true}.
 */
final class FailureLogs {

	/** How many of a component's last error lines are printed. */
	static final int LINES_PER_LOG = 20;

	private static final int MAX_LINE_LENGTH = 400;

	// Spring Boot's and the broker's level, and the causes of a stack trace; the frames would crowd out the rest
	private static final Pattern ERROR = Pattern.compile("\\bERROR\\b|^Caused by: ");

	private FailureLogs() {
	}

	/** Prints the last error lines of every log under {@code runDir/logs} to {@code out}; none when there are none. */
	static void print(Path runDir, PrintStream out) {
		var logs = runDir.resolve("logs");
		if (!Files.isDirectory(logs)) {
			return;
		}
		try (Stream<Path> files = Files.list(logs)) {
			for (var log : files.filter(Files::isRegularFile).sorted().toList()) {
				var lines = lastErrors(log);
				if (!lines.isEmpty()) {
					out.printf("--- the last %d error lines of %s ---%n", lines.size(), log.getFileName());
					lines.forEach(out::println);
				}
			}
		}
		catch (IOException e) {
			out.println("Could not read the logs in " + logs + ": " + e);
		}
	}

	static List<String> lastErrors(Path log) throws IOException {
		Deque<String> last = new ArrayDeque<>(LINES_PER_LOG);
		try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			lines.filter(line -> ERROR.matcher(line).find()).forEach(line -> {
				if (last.size() == LINES_PER_LOG) {
					last.removeFirst();
				}
				last.addLast(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + " …" : line);
			});
		}
		return List.copyOf(last);
	}
}
