package dev.ftgo.devstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The port of every instance of a {@link Scale}d stack. Instance 1 of each component, and broker 1's controller,
 * keep the {@link StackPorts} ports, so a stack of one of each listens exactly where it always did; further
 * instances and brokers take free ports, chosen once per stack.
 */
public final class InstancePorts {

	private final StackPorts base;
	private final Scale scale;
	private final Map<Instance, Integer> ports;
	private final Map<Integer, Integer> controllerPorts;

	private InstancePorts(StackPorts base, Scale scale, Map<Instance, Integer> ports, Map<Integer, Integer> controllerPorts) {
		this.base = base;
		this.scale = scale;
		this.ports = Collections.unmodifiableMap(ports);
		this.controllerPorts = Collections.unmodifiableMap(controllerPorts);
	}

	static InstancePorts assign(StackPorts base, Scale scale) {
		Set<Integer> taken = new HashSet<>();
		for (Component component : Component.values()) {
			taken.add(base.of(component));
		}
		taken.add(base.kafkaController());
		Map<Instance, Integer> ports = new LinkedHashMap<>();
		for (Component component : Component.values()) {
			ports.put(Instance.first(component), base.of(component));
			for (int number = 2; number <= scale.count(component); number++) {
				ports.put(new Instance(component, number), freePort(taken));
			}
		}
		Map<Integer, Integer> controllers = new LinkedHashMap<>();
		controllers.put(1, base.kafkaController());
		for (int broker = 2; broker <= scale.kafkaBrokers(); broker++) {
			controllers.put(broker, freePort(taken));
		}
		return new InstancePorts(base, scale, ports, controllers);
	}

	private static int freePort(Set<Integer> taken) {
		int port;
		do {
			port = Ports.freePort();
		} while (!taken.add(port));
		return port;
	}

	public StackPorts base() {
		return base;
	}

	public Scale scale() {
		return scale;
	}

	public int of(Instance instance) {
		Integer port = ports.get(instance);
		if (port == null) {
			throw new IllegalArgumentException("This stack runs no " + instance + " (" + scale + ")");
		}
		return port;
	}

	/** Every instance the scale asks for, in start order: by component, then by number. */
	public List<Instance> instances(Component component) {
		List<Instance> instances = new ArrayList<>();
		for (int number = 1; number <= scale.count(component); number++) {
			instances.add(new Instance(component, number));
		}
		return instances;
	}

	/** The port broker {@code broker}'s KRaft controller listens on. */
	public int controller(int broker) {
		Integer port = controllerPorts.get(broker);
		if (port == null) {
			throw new IllegalArgumentException("This stack runs no Kafka broker " + broker + " (" + scale + ")");
		}
		return port;
	}

	/** Node id to controller port of every broker: the static KRaft quorum. */
	Map<Integer, Integer> controllers() {
		return controllerPorts;
	}

	/** Every broker, so a client still connects while one of them is down. */
	public String bootstrapServers() {
		return instances(Component.KAFKA).stream().map(broker -> "127.0.0.1:" + of(broker)).collect(Collectors.joining(","));
	}
}
