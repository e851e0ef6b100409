package dev.ftgo.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One start of a {@link Stack}: the stages in order, and what each instance reports once healthy. */
final class StackStartup {

	private final Map<Instance, ManagedComponent> members;
	private final InstancePorts ports;
	private final StackListener listener;
	private final Duration timeout;
	private final Consumer<Instance> launchAndAwait;

	StackStartup(Map<Instance, ManagedComponent> members, InstancePorts ports, StackListener listener, Duration timeout,
				 Consumer<Instance> launchAndAwait) {
		this.members = members;
		this.ports = ports;
		this.listener = listener;
		this.timeout = timeout;
		this.launchAndAwait = launchAndAwait;
	}

	void run() {
		try (StartSequence sequence = new StartSequence(this::bringUp)) {
			for (int stage = 0; stage <= Component.LAST_STAGE; stage++) {
				sequence.inParallel(groups(stage));
			}
		}
	}

	/**
	 * Every instance of the stage on its own, in parallel, except the relays: they start one after the other, so
	 * that the first takes every source's lock and streams while the others stand by, as the summary says.
	 */
	private List<List<Instance>> groups(int stage) {
		List<List<Instance>> groups = new ArrayList<>();
		List<Instance> relays = new ArrayList<>();
		for (Instance instance : members.keySet()) {
			if (instance.component().stage() != stage) {
				continue;
			}
			if (instance.component() == Component.CDC_RELAY) {
				relays.add(instance);
			} else {
				groups.add(List.of(instance));
			}
		}
		if (!relays.isEmpty()) {
			groups.add(relays);
		}
		return groups;
	}

	private void bringUp(Instance instance) {
		long began = System.nanoTime();
		launchAndAwait.accept(instance);
		String detail = switch (instance.component()) {
			case POSTGRES -> ensureDatabases();
			case KAFKA -> "127.0.0.1:" + ports.of(instance) + (ports.scale().kafkaBrokers() > 1
					? " (node " + instance.number() + " of " + ports.scale().kafkaBrokers() + ")" : "");
			case IDENTITY -> "http://127.0.0.1:" + ports.of(instance) + " (JWK set, POST /tokens)";
			case API_GATEWAY -> awaitDiscovery();
			case CDC_RELAY -> "http://localhost:" + ports.of(instance) + (ports.scale().count(Component.CDC_RELAY) > 1
					? " (" + RelayEngines.role(RelayEngines.states(ports.of(instance))) + ")" : "");
			default -> "http://localhost:" + ports.of(instance);
		};
		listener.started(instance, Duration.ofNanos(System.nanoTime() - began), detail);
	}

	private String ensureDatabases() {
		List<String> databases = services().keySet().stream().map(Component::database).toList();
		PostgresServer postgres = (PostgresServer) members.get(Instance.first(Component.POSTGRES));
		databases.forEach(postgres::ensureDatabase);
		return "127.0.0.1:" + ports.base().postgres() + (databases.isEmpty() ? "" : " (databases " + String.join(", ", databases) + ")");
	}

	private String awaitDiscovery() {
		Map<Component, List<Integer>> services = services();
		DiscoveryCheck.awaitServices(ports.base().gateway(), ports.base().registry(), services, timeout);
		return "http://localhost:" + ports.base().gateway() + (services.isEmpty() ? ""
				: " (routes to " + services.entrySet().stream()
						.map(service -> service.getKey().id() + (service.getValue().size() > 1
								? " x" + service.getValue().size() : ""))
						.collect(Collectors.joining(", ")) + ")");
	}

	/** Each started service and the ports of its instances. */
	private Map<Component, List<Integer>> services() {
		Map<Component, List<Integer>> services = new LinkedHashMap<>();
		members.keySet().stream().filter(instance -> instance.component().isService())
				.forEach(instance -> services.computeIfAbsent(instance.component(), ignored -> new ArrayList<>())
						.add(ports.of(instance)));
		return services;
	}
}
