package dev.ftgo.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** How the stack's child processes are launched. */
final class ChildCommand {

	private static final Optional<Path> SETSID = findSetsid();
	private static final String TMPDIR = "-Djava.io.tmpdir=";

	private ChildCommand() {
	}

	/** The JVM running the launcher: children use the same JDK the user started us with. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Argument that gives a child JVM a temporary folder of its own in the run dir, {@code tmp/<component>}: what
	 * it leaves there (Tomcat's work and document-base directories, which Boot cannot delete on exit because they
	 * are not empty) stays with the run instead of piling up in the system's temporary folder, and {@link #launch}
	 * empties it before each start.
	 */
	static String temporaryFolder(Path runDir, String component) {
		return TMPDIR + runDir.resolve("tmp").resolve(component);
	}

	/** Argument every child JVM carries so that a leftover from a crashed run can be recognised. */
	static String marker(String component) {
		return "-Dftgo.component=" + component;
	}

	/**
	 * Runs the command in a session of its own where setsid exists (Linux): a Ctrl-C in the terminal then
	 * reaches only the launcher, which stops the children in order instead of all dying at once.
	 * setsid execs in place, so the pid we record is the child's own. macOS has no setsid and Windows no
	 * sessions: there the terminal's Ctrl-C reaches the children too, each shuts itself down at once, and
	 * the launcher's ordered stop finds them gone or going.
	 */
	static List<String> detached(List<String> command) {
		if (SETSID.isEmpty()) {
			return command;
		}
		List<String> detached = new ArrayList<>(command.size() + 1);
		detached.add(SETSID.get().toString());
		detached.addAll(command);
		return detached;
	}

	/**
	 * Starts the command detached, appending its output to the log after a header line that says when
	 * and what was started, so that runs can be told apart in a log that spans many of them. A
	 * {@linkplain #temporaryFolder temporary folder} on the command line is emptied, or created, first.
	 */
	static Process launch(String name, List<String> command, Path workDir, Path logFile) throws IOException {
		Files.createDirectories(logFile.getParent());
		// the process is not running (start() stopped any leftover): what its earlier runs left is garbage
		for (String argument : command) {
			if (argument.startsWith(TMPDIR)) {
				Path temporaryFolder = Path.of(argument.substring(TMPDIR.length()));
				Directories.deleteRecursively(temporaryFolder);
				Files.createDirectories(temporaryFolder);
			}
		}
		Files.writeString(logFile, "%n=== %s: starting %s: %s%n".formatted(Instant.now(), name, String.join(" ", command)),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Process process = new ProcessBuilder(detached(command))
				.directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.start();
		// Children never read stdin: give them EOF rather than a pipe nobody writes to.
		process.getOutputStream().close();
		return process;
	}

	private static Optional<Path> findSetsid() {
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			return Optional.empty(); // a Unix tool; a setsid from some Unix toolkit on the PATH would not detach anything
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Stream.of(Path.of("/usr/bin")),
						Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank()).map(Path::of))
				.map(dir -> dir.resolve("setsid"))
				.filter(Files::isExecutable)
				.findFirst();
	}
}
