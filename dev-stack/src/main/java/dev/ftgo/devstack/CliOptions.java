package dev.ftgo.devstack;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@link DevStackMain}. */
record CliOptions(boolean help, boolean reset, StackPorts ports, Path runDir, Scale scale) {

	static final String USAGE = """
			Usage: ./stack [--reset] [--instances=N] [--kafka-brokers=N] [--<component>-port=N ...]
			       ./stack token --role admin|consumer|kitchen [--consumer-id UUID] [--restaurant-id UUID] [--ttl 12h]
			       ./stack identity [--identity-port 8090] [--bind ADDRESS] [--key-file PATH]
			       ./stack stop [--run-dir PATH] [--timeout 3m]

			Starts the identity (JWK set and token endpoint), PostgreSQL, Kafka, the service registry, the
			services and the API gateway as local processes (no Docker) and keeps them running until Ctrl-C
			(or ./stack stop from another terminal).
			Once up, it creates a demo consumer and restaurant (kept across restarts) and prints tokens for them.

			  --reset                   delete the data (databases, topics, signing key) of earlier runs first
			  --instances=N             run N instances (1 to 9, default 1) of consumer-, order- and kitchen-service;
			                            from 2 on, also a second cdc-relay, which stands by to take over. The
			                            --<service>-port options set instance 1's port; the others take free ports
			  --kafka-brokers=N         run Kafka as a cluster of N brokers (1 to 9, default 1): every topic gets a
			                            copy per broker, at most 3, and a write needs all but one (at least one)
			                            (3 brokers: replication factor 3, min.insync.replicas 2). A cluster keeps
			                            its data apart from a single broker's: switching starts from empty
			                            topics. Further brokers take free ports
			  --run-dir=PATH            where data, logs and pid files live (default .dev-stack)
			  --identity-port=N         default 8090 (GET /.well-known/jwks.json, POST /tokens)
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

			./stack token prints one token signed with the run dir's key (start the stack once first):
			  --role ROLE               admin, consumer or kitchen
			  --consumer-id UUID        a consumer token's consumer (its sub); consumer tokens only
			  --restaurant-id UUID      a kitchen token's restaurant (its restaurant_id); kitchen tokens only
			  --ttl DURATION            how long it is valid: 90s, 30m, 12h (the default), 7d
			  --run-dir PATH            the stack's run dir (default .dev-stack)
			  e.g. curl -H "Authorization: Bearer $(./stack token --role admin)" http://localhost:8080/api/v1/...

			./stack identity runs only the identity (JWK set and POST /tokens) in the foreground until Ctrl-C or
			SIGTERM: the identity container of docker-compose.yml and k8s/overlays/local. Development only.
			  --identity-port N         default 8090
			  --bind ADDRESS            the address it listens on: default 127.0.0.1; 0.0.0.0 for every interface
			  --key-file PATH           the signing key, created there if missing (default: the run dir's, which
			                            ./stack token signs with)
			  --run-dir PATH            the stack's run dir, for the default key file (default .dev-stack)

			./stack stop stops the stack running from the run dir, as Ctrl-C in its terminal does, once it is up,
			and waits until it has (exit code 3: no stack runs there). For scripts, CI and a second window.
			  --run-dir PATH            the stack's run dir (default .dev-stack)
			  --timeout DURATION        how long to wait: 90s, 3m (the default)
			""";

	private static final String INSTANCES = "--instances=";
	private static final String KAFKA_BROKERS = "--kafka-brokers=";

	static CliOptions parse(List<String> args) {
		boolean help = false;
		boolean reset = false;
		StackPorts ports = StackPorts.defaults();
		Path runDir = null;
		int instances = Scale.SINGLE.instances();
		int kafkaBrokers = Scale.SINGLE.kafkaBrokers();
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			} else if (arg.equals("--reset")) {
				reset = true;
			} else if (arg.startsWith("--run-dir=") && arg.length() > "--run-dir=".length()) {
				runDir = Path.of(arg.substring("--run-dir=".length())).toAbsolutePath();
			} else if (arg.startsWith(INSTANCES)) {
				instances = count(arg);
			} else if (arg.startsWith(KAFKA_BROKERS)) {
				kafkaBrokers = count(arg);
			} else if (arg.startsWith("--" + StackPorts.KAFKA_CONTROLLER_OPTION + "=")) {
				ports = ports.withKafkaController(port(arg));
			} else {
				ports = ports.with(componentOf(arg), port(arg));
			}
		}
		return new CliOptions(help, reset, ports, runDir, new Scale(instances, kafkaBrokers));
	}

	/** The number of {@code --instances=N} or {@code --kafka-brokers=N}; its range is {@link Scale}'s to check. */
	private static int count(String arg) {
		try {
			return Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("Not a number in " + arg);
		}
	}

	private static Component componentOf(String arg) {
		for (Component component : Component.values()) {
			if (arg.startsWith("--" + component.portOption() + "=")) {
				return component;
			}
		}
		throw new IllegalArgumentException("Unknown option " + arg);
	}

	/** The port of {@code --<name>=N}. */
	static int port(String arg) {
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
