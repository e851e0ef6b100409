package dev.ftgo.devstack;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code ./stack} itself, declared for picocli, which parses the command line and writes the help from the
 * declarations. Without a command it starts the stack ({@link DevStackMain#launch}); its commands are
 * {@link TokenCommand}, {@link IdentityCommand} and {@link StopCommand}.
 */
@Command(name = "./stack",
		customSynopsis = {
				"./stack [--reset] [--instances=N] [--kafka-brokers=N] [--run-dir=PATH] [--<component>-port=N ...]",
				"       ./stack token|identity|stop [OPTIONS]     (./stack COMMAND --help lists a command's options)" },
		description = {
				"Starts the identity (JWK set and token endpoint), PostgreSQL, Kafka, the service registry, the services"
						+ " and the API gateway as local processes (no Docker) and keeps them running until Ctrl-C (or"
						+ " ./stack stop from another terminal). Once up, it creates a demo consumer and restaurant (kept"
						+ " across restarts) and prints tokens for them.%n" },
		commandListHeading = "%nCommands:%n",
		exitCodeList = {
				"  0:stopped by ./stack stop",
				"  1:a component failed to start",
				"  2:a port is in use",
				" 64:bad usage",
				"130:stopped by Ctrl-C (143: by SIGTERM)" })
final class StackCommand extends ConsoleCommand {

	static final String KAFKA_CONTROLLER_PORT = "--" + StackPorts.KAFKA_CONTROLLER_OPTION;

	@Option(names = "--reset", description = "delete the data (databases, topics, signing key) of earlier runs first")
	boolean reset;

	@Option(names = "--instances", paramLabel = "N",
			description = "run N instances (1 to " + Scale.MAX + ", default ${DEFAULT-VALUE}) of consumer-, order- and"
					+ " kitchen-service; from 2 on, also a second cdc-relay, which stands by to take over. The"
					+ " --<service>-port options set instance 1's port; the others take free ports")
	int instances = Scale.SINGLE.instances();

	@Option(names = "--kafka-brokers", paramLabel = "N",
			description = "run Kafka as a cluster of N brokers (1 to " + Scale.MAX + ", default ${DEFAULT-VALUE}): every"
					+ " topic gets a copy per broker, at most 3, and a write needs all but one (at least one)"
					+ " (3 brokers: replication factor 3, min.insync.replicas 2). A cluster keeps its data apart from a"
					+ " single broker's: switching starts from empty topics. Further brokers take free ports")
	int kafkaBrokers = Scale.SINGLE.kafkaBrokers();

	@Mixin
	RunDirOption runDir;

	private StackCommand(PrintStream out, PrintStream err) {
		super(out, err);
	}

	/** The whole command line of {@code ./stack}, commands included, printing to {@code out} and {@code err}. */
	static CommandLine commandLine(PrintStream out, PrintStream err) {
		CommandLine commandLine = new CommandLine(new StackCommand(out, err));
		addPortOptions(commandLine.getCommandSpec());
		return commandLine.addSubcommand(new TokenCommand(out, err))
				.addSubcommand(new IdentityCommand(out, err))
				.addSubcommand(new StopCommand(out, err))
				// as before picocli: a repeated option keeps its last value, so a script may append an override
				.setOverwrittenOptionsAllowed(true)
				// room for --kafka-controller-port=N beside its description
				.setUsageHelpLongOptionsMaxWidth(28)
				.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
				.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
				.setParameterExceptionHandler(new UsageErrors(out, err))
				.setExecutionStrategy(StackCommand::commandFirst);
	}

	/**
	 * One {@code --<component>-port=N} per component, named and defaulted from {@link Component} and
	 * {@link StackPorts#defaults()}, so that a new component gets its option and the help its line.
	 */
	private static void addPortOptions(CommandSpec spec) {
		StackPorts defaults = StackPorts.defaults();
		for (Component component : Component.values()) {
			String note = component == Component.IDENTITY ? " (GET /.well-known/jwks.json, POST /tokens)" : "";
			spec.addOption(portOption("--" + component.portOption(), defaults.of(component), note));
			if (component == Component.KAFKA) {
				spec.addOption(portOption(KAFKA_CONTROLLER_PORT, defaults.kafkaController(), ""));
			}
		}
	}

	private static OptionSpec portOption(String name, int defaultPort, String note) {
		return OptionSpec.builder(name).paramLabel("N").type(int.class).converters(new OptionValues.Port())
				.defaultValue(String.valueOf(defaultPort)).description("default ${DEFAULT-VALUE}" + note).build();
	}

	/**
	 * The command comes first, as {@code ./stack} and {@code stack.cmd} expect when they decide what to build,
	 * and {@code ./stack}'s own options do not go with it: picocli would accept {@code ./stack --reset stop}
	 * and drop the {@code --reset} without a word.
	 */
	private static int commandFirst(ParseResult parsed) {
		if (parsed.hasSubcommand()) {
			parsed.matchedOptions().stream().filter(option -> !option.usageHelp() && !option.versionHelp()).findFirst()
					.ifPresent(option -> {
						throw new ParameterException(parsed.commandSpec().commandLine(), option.longestName()
								+ " is an option of ./stack itself, not of ./stack " + parsed.subcommand().commandSpec().name()
								+ ": the command comes first");
					});
		}
		return new CommandLine.RunLast().execute(parsed);
	}

	/** The parsed options; a count out of range is a usage error. */
	CliOptions options() {
		Scale scale = validated(() -> new Scale(instances, kafkaBrokers));
		StackPorts ports = StackPorts.defaults()
				.withKafkaController(spec.findOption(KAFKA_CONTROLLER_PORT).<Integer>getValue());
		for (Component component : Component.values()) {
			ports = ports.with(component, spec.findOption("--" + component.portOption()).<Integer>getValue());
		}
		return new CliOptions(reset, ports, runDir.path, scale);
	}

	@Override
	public Integer call() {
		return DevStackMain.launch(options(), out, err);
	}
}
