package dev.ftgo.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The end of a component's log without stack frames, for error messages. */
final class LogTail {

	static final int LINES = 20;

	// Logs grow over many runs; reading only the end keeps an error message cheap whatever their size.
	private static final int MAX_BYTES = 64 * 1024;
	// Stack frames push the telling lines (the exception messages, "Caused by: ...") out of a short tail.
	private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ (more|common frames omitted)).*");

	private LogTail() {
	}

	static String describe(Path logFile) {
		List<String> lines = lastLines(logFile, LINES);
		if (lines.isEmpty()) {
			return "Log " + logFile + " is empty.";
		}
		return "Last lines of " + logFile + ":\n"
				+ lines.stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
	}

	static List<String> lastLines(Path file, int count) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, in.length() - MAX_BYTES);
			byte[] bytes = new byte[(int) (in.length() - start)];
			in.seek(start);
			in.readFully(bytes);
			List<String> lines = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\\R"))
					.filter(line -> !line.isBlank() && !STACK_FRAME.matcher(line).matches())
					.toList();
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		} catch (IOException e) {
			return List.of("(could not read the log: " + e.getMessage() + ")");
		}
	}
}
