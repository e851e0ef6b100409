package dev.ftgo.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One start of a {@link Stack}: the stages in order, and what each component reports once healthy. */
final class StackStartup {

	private final Map<Component, ManagedComponent> members;
	private final StackPorts ports;
	private final StackListener listener;
	private final Duration timeout;
	private final Consumer<Component> launchAndAwait;

	StackStartup(Map<Component, ManagedComponent> members, StackPorts ports, StackListener listener, Duration timeout,
				 Consumer<Component> launchAndAwait) {
		this.members = members;
		this.ports = ports;
		this.listener = listener;
		this.timeout = timeout;
		this.launchAndAwait = launchAndAwait;
	}

	void run() {
		try (StartSequence sequence = new StartSequence(this::bringUp)) {
			for (int stage = 0; stage <= Component.LAST_STAGE; stage++) {
				int current = stage;
				sequence.inParallel(members.keySet().stream().filter(component -> component.stage() == current).toList());
			}
		}
	}

	private void bringUp(Component component) {
		long began = System.nanoTime();
		launchAndAwait.accept(component);
		String detail = switch (component) {
			case POSTGRES -> ensureDatabases();
			case KAFKA -> address(component);
			case IDENTITY -> "http://127.0.0.1:" + ports.identity() + " (JWK set, POST /tokens)";
			case API_GATEWAY -> awaitDiscovery();
			default -> "http://localhost:" + ports.of(component);
		};
		listener.started(component, Duration.ofNanos(System.nanoTime() - began), detail);
	}

	private String ensureDatabases() {
		List<String> databases = services().stream().map(Component::database).toList();
		PostgresServer postgres = (PostgresServer) members.get(Component.POSTGRES);
		databases.forEach(postgres::ensureDatabase);
		return address(Component.POSTGRES) + (databases.isEmpty() ? "" : " (databases " + String.join(", ", databases) + ")");
	}

	private String address(Component component) {
		return "127.0.0.1:" + ports.of(component);
	}

	private String awaitDiscovery() {
		List<Component> services = services();
		DiscoveryCheck.awaitServices(ports.gateway(), services, timeout);
		return "http://localhost:" + ports.gateway() + (services.isEmpty() ? ""
				: " (routes to " + services.stream().map(Component::id).collect(Collectors.joining(", ")) + ")");
	}

	private List<Component> services() {
		return members.keySet().stream().filter(Component::isService).toList();
	}
}
