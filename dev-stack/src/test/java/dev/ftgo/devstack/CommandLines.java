package dev.ftgo.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import picocli.CommandLine;

/** {@code ./stack}'s command line as {@link DevStackMain} builds it, parsed but not run, for the tests of its commands. */
final class CommandLines {

	private CommandLines() {
	}

	/** The options of {@code ./stack} (no command) in {@code args}. */
	static CliOptions stack(String... args) {
		CommandLine commandLine = StackCommand.commandLine(discarded(), discarded());
		commandLine.parseArgs(args);
		return commandLine.<StackCommand>getCommand().options();
	}

	/** {@code ./stack <name> <args>}, parsed, printing to {@code out} and {@code err} once run. */
	static <T> T command(String name, PrintStream out, PrintStream err, String... args) {
		CommandLine commandLine = StackCommand.commandLine(out, err);
		commandLine.parseArgs(Stream.concat(Stream.of(name), Arrays.stream(args)).toArray(String[]::new));
		return commandLine.getSubcommands().get(name).getCommand();
	}

	static <T> T command(String name, String... args) {
		return command(name, discarded(), discarded(), args);
	}

	private static PrintStream discarded() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}
}
