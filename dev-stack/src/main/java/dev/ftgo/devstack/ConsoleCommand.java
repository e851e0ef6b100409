package dev.ftgo.devstack;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code ./stack} and each of its commands share: the terminal they write to, {@code --help} and
 * {@code --version}, the layout of their help (picocli applies a superclass's {@code @Command} first), and one
 * way to turn what goes wrong into a usage error or an exit code.
 */
@Command(sortOptions = false, sortSynopsis = false, usageHelpWidth = 110, versionProvider = StackVersion.class,
		descriptionHeading = "%n", exitCodeListHeading = "%nExit codes:%n")
abstract class ConsoleCommand implements Callable<Integer> {

	@Mixin
	HelpOptions helpOptions;

	@Spec
	CommandSpec spec;

	final PrintStream out;
	final PrintStream err;

	ConsoleCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** What {@code value} makes of the options; its IllegalArgumentException is a usage error of this command. */
	final <T> T validated(Supplier<T> value) {
		try {
			return value.get();
		} catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), e.getMessage(), e);
		}
	}

	/**
	 * The exit code of {@code work}; a problem it foresaw ({@link StackException}) is printed as its one line
	 * and exits {@value DevStackMain#FAILED}, or {@value DevStackMain#PORT_IN_USE} for a port in use.
	 */
	final int reporting(IntSupplier work) {
		try {
			return work.getAsInt();
		} catch (PortInUseException e) {
			err.println(e.getMessage());
			return DevStackMain.PORT_IN_USE;
		} catch (StackException e) {
			err.println(e.getMessage());
			return DevStackMain.FAILED;
		}
	}
}
