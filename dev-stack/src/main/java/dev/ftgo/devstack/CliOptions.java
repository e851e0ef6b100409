package dev.ftgo.devstack;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@link DevStackMain}. */
record CliOptions(boolean help, boolean reset, StackPorts ports, Path runDir) {

	static final String USAGE = """
			Usage: ./stack [--reset] [--<component>-port=N ...]

			Starts PostgreSQL, Kafka, the service registry, the services and the API gateway as local
			processes (no Docker) and keeps them running until Ctrl-C.

			  --reset                   delete the data (databases, topics) of earlier runs first
			  --run-dir=PATH            where data, logs and pid files live (default .dev-stack)
			  --gateway-port=N          default 8080
			  --consumer-port=N         default 8081
			  --order-port=N            default 8082
			  --kitchen-port=N          default 8083
			  --relay-port=N            default 8084
			  --registry-port=N         default 8761
			  --postgres-port=N         default 15432
			  --kafka-port=N            default 19092
			  --kafka-controller-port=N default 19093
			  --help                    this text
			""";

	static CliOptions parse(List<String> args) {
		boolean help = false;
		boolean reset = false;
		StackPorts ports = StackPorts.defaults();
		Path runDir = null;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			} else if (arg.equals("--reset")) {
				reset = true;
			} else if (arg.startsWith("--run-dir=") && arg.length() > "--run-dir=".length()) {
				runDir = Path.of(arg.substring("--run-dir=".length())).toAbsolutePath();
			} else if (arg.startsWith("--" + StackPorts.KAFKA_CONTROLLER_OPTION + "=")) {
				ports = ports.withKafkaController(port(arg));
			} else {
				ports = ports.with(componentOf(arg), port(arg));
			}
		}
		return new CliOptions(help, reset, ports, runDir);
	}

	private static Component componentOf(String arg) {
		for (Component component : Component.values()) {
			if (arg.startsWith("--" + component.portOption() + "=")) {
				return component;
			}
		}
		throw new IllegalArgumentException("Unknown option " + arg);
	}

	private static int port(String arg) {
		String value = arg.substring(arg.indexOf('=') + 1);
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("Not a port number in " + arg);
		}
	}
}
