package dev.ftgo.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chooses what a {@link Stack} runs and how; see {@link Stack#builder}. */
public final class StackBuilder {

	private final StackLayout layout;
	private final StackPorts ports;
	private final Set<Component> components = EnumSet.noneOf(Component.class);
	private final Map<Component, List<String>> extraArgs = new EnumMap<>(Component.class);
	private StackListener listener = StackListener.NONE;
	// Several Boot apps starting at once on two cores take a while; a minute is too tight on CI.
	private Duration startTimeout = Duration.ofMinutes(3);
	private boolean resetData;
	private Scale scale = Scale.SINGLE;

	StackBuilder(StackLayout layout, StackPorts ports) {
		this.layout = layout;
		this.ports = ports;
	}

	/**
	 * Runs only these components plus what they need: a service needs postgres, the registry and the
	 * identity (whose JWK set verifies tokens), the gateway needs the registry and the identity, the relay
	 * needs postgres and Kafka, and the registry and the identity for its admin API. Kafka runs only when named or needed. Without any call, everything runs.
	 */
	public StackBuilder with(Component... selected) {
		for (Component component : selected) {
			components.add(component);
			if (component.isService()) {
				components.add(Component.POSTGRES);
			}
			if (component == Component.CDC_RELAY) {
				components.add(Component.POSTGRES);
				components.add(Component.KAFKA);
			}
			if (component.isService() || component == Component.API_GATEWAY || component == Component.CDC_RELAY) {
				components.add(Component.SERVICE_REGISTRY);
				components.add(Component.IDENTITY);
			}
		}
		return this;
	}

	/** Appends arguments to a Spring Boot component's command line, e.g. to tune it for a test. */
	public StackBuilder args(Component component, String... args) {
		extraArgs.computeIfAbsent(component, ignored -> new ArrayList<>()).addAll(List.of(args));
		return this;
	}

	public StackBuilder listener(StackListener listener) {
		this.listener = listener;
		return this;
	}

	/** How long each component may take to become healthy. */
	public StackBuilder startTimeout(Duration startTimeout) {
		this.startTimeout = startTimeout;
		return this;
	}

	/** Deletes the run dir's data (databases, topics) before starting. */
	public StackBuilder resetData(boolean resetData) {
		this.resetData = resetData;
		return this;
	}

	/**
	 * How many instances of the services (and relays) and how many Kafka brokers run; one of each unless set.
	 * Further instances take free ports; extra arguments given with {@link #args} apply to every instance.
	 */
	public StackBuilder scale(Scale scale) {
		this.scale = scale;
		return this;
	}

	public Stack build() {
		Set<Component> selected = components.isEmpty() ? EnumSet.allOf(Component.class) : EnumSet.copyOf(components);
		InstancePorts instancePorts = InstancePorts.assign(ports, scale);
		Map<Instance, ManagedComponent> members = new LinkedHashMap<>();
		for (Component component : selected) {
			if (component == Component.KAFKA) {
				List<KafkaBroker> brokers = KafkaCluster.brokers(layout, instancePorts);
				for (int i = 0; i < brokers.size(); i++) {
					members.put(new Instance(component, i + 1), brokers.get(i));
				}
				continue;
			}
			for (Instance instance : instancePorts.instances(component)) {
				members.put(instance, StackComponents.create(instance, layout, instancePorts,
						extraArgs.getOrDefault(component, List.of())));
			}
		}
		return new Stack(layout, instancePorts, members, listener, startTimeout, resetData);
	}
}
