package dev.ftgo.devstack;

import picocli.CommandLine.Option;

/**
 * {@code --help} and {@code --version} for {@code ./stack} and each of its commands: picocli's standard pair,
 * listed after a command's own options rather than before them (the long list of port options included).
 */
final class HelpOptions {

	private static final int LAST = Integer.MAX_VALUE;

	@Option(names = {"-h", "--help"}, usageHelp = true, order = LAST, description = "show this help and exit")
	boolean help;

	@Option(names = {"-V", "--version"}, versionHelp = true, order = LAST, description = "print the version and exit")
	boolean version;
}
