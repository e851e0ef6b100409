package dev.ftgo.devstack;

import java.util.HashSet;
import java.util.Set;

/** Every port the stack listens on; all on 127.0.0.1 except the Spring Boot servers. */
public record StackPorts(int gateway, int consumer, int order, int kitchen, int relay, int registry,
						 int postgres, int kafka, int kafkaController, int identity) {

	public static final String KAFKA_CONTROLLER_OPTION = "kafka-controller-port";

	/** The documented local ports (docs/architecture.md). */
	public static StackPorts defaults() {
		return new StackPorts(8080, 8081, 8082, 8083, 8084, 8761, 15432, 19092, 19093, 8090);
	}

	/** Distinct free ports, so tests run beside a developer's stack and each other. */
	public static StackPorts free() {
		Set<Integer> taken = new HashSet<>();
		int[] ports = new int[10];
		for (int i = 0; i < ports.length; i++) {
			int port;
			do {
				port = Ports.freePort();
			} while (!taken.add(port));
			ports[i] = port;
		}
		return new StackPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
				ports[9]);
	}

	public int of(Component component) {
		return switch (component) {
			case IDENTITY -> identity;
			case POSTGRES -> postgres;
			case KAFKA -> kafka;
			case SERVICE_REGISTRY -> registry;
			case CONSUMER_SERVICE -> consumer;
			case ORDER_SERVICE -> order;
			case KITCHEN_SERVICE -> kitchen;
			case CDC_RELAY -> relay;
			case API_GATEWAY -> gateway;
		};
	}

	public StackPorts with(Component component, int port) {
		return new StackPorts(
				component == Component.API_GATEWAY ? port : gateway,
				component == Component.CONSUMER_SERVICE ? port : consumer,
				component == Component.ORDER_SERVICE ? port : order,
				component == Component.KITCHEN_SERVICE ? port : kitchen,
				component == Component.CDC_RELAY ? port : relay,
				component == Component.SERVICE_REGISTRY ? port : registry,
				component == Component.POSTGRES ? port : postgres,
				component == Component.KAFKA ? port : kafka,
				kafkaController,
				component == Component.IDENTITY ? port : identity);
	}

	public StackPorts withKafkaController(int port) {
		return new StackPorts(gateway, consumer, order, kitchen, relay, registry, postgres, kafka, port, identity);
	}
}
