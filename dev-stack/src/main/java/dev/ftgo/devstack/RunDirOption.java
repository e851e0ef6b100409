package dev.ftgo.devstack;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --run-dir=PATH}, the same option for {@code ./stack} and each command that finds the stack through it. */
final class RunDirOption {

	@Option(names = "--run-dir", paramLabel = "PATH", converter = OptionValues.AbsolutePath.class,
			description = "the stack's run dir: data, logs, pid files, signing key (default .dev-stack)")
	Path path;

	/** The project's layout here, with the run dir given, if any. */
	StackLayout layout() {
		return applyTo(StackLayout.detect());
	}

	StackLayout applyTo(StackLayout detected) {
		return path == null ? detected : detected.withRunDir(path);
	}

	/** How to repeat the option on a command line that should reach the same stack: empty for the default. */
	String asArgument() {
		return path == null ? "" : " --run-dir=" + path;
	}
}
