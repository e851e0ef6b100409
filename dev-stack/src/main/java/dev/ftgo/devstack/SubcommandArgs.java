package dev.ftgo.devstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of a subcommand such as {@code ./stack token}, each given as {@code --name value} or
 * {@code --name=value}, as people type them (the stack's own port options only take the second form).
 * A repeated option keeps its last value.
 */
record SubcommandArgs(boolean help, Map<String, String> values) {

	/**
	 * Reads the {@code args} of {@code ./stack <command>}, which takes the options {@code names};
	 * {@code --help} (or {@code -h}) anywhere on the line asks for help, whatever else is there.
	 *
	 * @throws IllegalArgumentException for an unknown or value-less option or a stray argument, worded for the terminal
	 */
	static SubcommandArgs parse(String command, List<String> args, Set<String> names) {
		if (args.contains("--help") || args.contains("-h")) {
			return new SubcommandArgs(true, Map.of());
		}
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			int equals = arg.indexOf('=');
			String name = equals < 0 ? arg : arg.substring(0, equals);
			if (!name.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + arg);
			}
			if (!names.contains(name)) {
				throw new IllegalArgumentException("Unknown option " + arg + " for ./stack " + command);
			}
			if (equals >= 0) {
				values.put(name, arg.substring(equals + 1));
			} else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				values.put(name, args.get(++i));
			} else {
				throw new IllegalArgumentException(name + " needs a value");
			}
		}
		return new SubcommandArgs(false, Map.copyOf(values));
	}

	Optional<String> value(String name) {
		return Optional.ofNullable(values.get(name));
	}
}
