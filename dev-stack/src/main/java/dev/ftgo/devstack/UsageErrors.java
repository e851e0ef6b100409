package dev.ftgo.devstack;

import java.io.PrintStream;
import java.util.Arrays;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code ./stack} answers a command line it cannot use: one line saying what is wrong, then picocli's
 * "did you mean" for a mistyped name or else where the help is, and exit code {@value #USAGE}. The whole help
 * would bury the one line that matters; {@code --help} prints it. Not picocli's exit code 2, which
 * {@code ./stack} has long used for a port in use and {@code ./stack token} for a missing key; 64 is EX_USAGE
 * of sysexits.h, as {@code ./bench} uses it.
 */
record UsageErrors(PrintStream out, PrintStream err) implements IParameterExceptionHandler {

	static final int USAGE = 64;

	@Override
	public int handleParseException(ParameterException e, String[] args) {
		CommandLine command = e.getCommandLine();
		// --help wins over whatever else is on the line, even an option left without its value (--bind --help)
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			command.usage(out);
			return 0;
		}
		err.println(e.getMessage());
		if (!UnmatchedArgumentException.printSuggestions(e, err)) {
			err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
		}
		return USAGE;
	}
}
