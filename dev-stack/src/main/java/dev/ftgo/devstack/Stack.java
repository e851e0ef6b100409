package dev.ftgo.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The local stack as processes: the identity (in this JVM), postgres and kafka, then the registry, then
 * the services in parallel, then the gateway, which counts as ready only once it discovers every started
 * service instance. Every app verifies tokens against the identity's JWK set; {@link #tokens()} signs them.
 * A {@link Scale}d stack runs several {@link Instance}s of the services and the relay, and several Kafka
 * brokers. Instances can be stopped, killed and restarted one by one (the methods taking a {@link Component}
 * alone mean its instance 1); {@link #close()} stops all of them in reverse order.
 *
 * <pre>{@code
 * try (Stack stack = Stack.builder(StackLayout.detect().withRunDir(tmp), StackPorts.free())
 *         .with(Component.CONSUMER_SERVICE, Component.API_GATEWAY).build()) {
 *     stack.start();
 *     stack.kill(Component.CONSUMER_SERVICE);
 * }
 * try (Stack scaled = Stack.builder(layout, StackPorts.free()).scale(new Scale(2, 3)).build()) {
 *     scaled.start();
 *     scaled.kill(Component.ORDER_SERVICE, 2);
 *     scaled.kill(Component.KAFKA, 1);
 *     scaled.activeRelay().ifPresent(scaled::kill);
 * }
 * }</pre>
 */
public final class Stack implements AutoCloseable {

	private final StackLayout layout;
	private final InstancePorts ports;
	private final Map<Instance, ManagedComponent> members;
	private final StackListener listener;
	private final Duration startTimeout;
	private final boolean resetData;
	// Launches (read lock, several at once) exclude close (write lock): once closed, nothing is launched
	// any more, so a shutdown hook running during start-up cannot leave a process behind.
	private final ReadWriteLock launchGate = new ReentrantReadWriteLock();
	private volatile boolean closed;
	// What close() reports as stopped: zonky's own shutdown hook may stop postgres before close() gets
	// to it, so "is it alive now" would leave it out of the report.
	private final Set<Instance> launched = ConcurrentHashMap.newKeySet();

	Stack(StackLayout layout, InstancePorts ports, Map<Instance, ManagedComponent> members, StackListener listener,
		  Duration startTimeout, boolean resetData) {
		this.layout = layout;
		this.ports = ports;
		this.members = members;
		this.listener = listener;
		this.startTimeout = startTimeout;
		this.resetData = resetData;
	}

	public static StackBuilder builder(StackLayout layout, StackPorts ports) {
		return new StackBuilder(layout, ports);
	}

	/**
	 * Starts every component and returns once all are healthy.
	 *
	 * @throws PortInUseException before launching anything, when a port is taken
	 * @throws ComponentFailedException when a component exits or stays unhealthy; the caller closes the stack
	 */
	public void start() {
		Preflight.run(layout, ports, members, resetData, listener);
		new StackStartup(members, ports, listener, startTimeout, this::start).run();
	}

	/** Starts instance 1 of the component (e.g. after {@link #kill}) and waits until it is healthy. */
	public void start(Component component) {
		start(Instance.first(component));
	}

	public void start(Component component, int number) {
		start(new Instance(component, number));
	}

	/** Starts one instance (e.g. after {@link #kill}) and waits until it is healthy. */
	public void start(Instance instance) {
		ManagedComponent member = get(instance);
		launchGate.readLock().lock();
		try {
			if (closed) {
				throw new StackException("The stack is shutting down; not starting " + instance);
			}
			member.start();
			launched.add(instance);
		} finally {
			launchGate.readLock().unlock();
		}
		member.awaitHealthy(startTimeout);
	}

	public void stop(Component component) {
		stop(Instance.first(component));
	}

	public void stop(Component component, int number) {
		stop(new Instance(component, number));
	}

	public void stop(Instance instance) {
		get(instance).stop();
		launched.remove(instance);
	}

	public void kill(Component component) {
		kill(Instance.first(component));
	}

	public void kill(Component component, int number) {
		kill(new Instance(component, number));
	}

	public void kill(Instance instance) {
		get(instance).kill();
		launched.remove(instance);
	}

	public void restart(Component component) {
		restart(Instance.first(component));
	}

	public void restart(Instance instance) {
		stop(instance);
		start(instance);
	}

	/** Instance 1 of the component. */
	public ManagedComponent get(Component component) {
		return get(Instance.first(component));
	}

	public ManagedComponent get(Component component, int number) {
		return get(new Instance(component, number));
	}

	public ManagedComponent get(Instance instance) {
		ManagedComponent member = members.get(instance);
		if (member == null) {
			throw new IllegalArgumentException(instance + " is not part of this stack; add its component with with(...)"
					+ (instance.number() > 1 ? " and more instances with scale(...)" : ""));
		}
		return member;
	}

	/** The component's instances in this stack, instance 1 first; empty when it does not run. */
	public List<Instance> instances(Component component) {
		return members.keySet().stream().filter(instance -> instance.component() == component).toList();
	}

	/** Every instance of the stack, in start order. */
	public List<Instance> instances() {
		return List.copyOf(members.keySet());
	}

	/** Where an instance listens: its HTTP port, or a broker's client port. */
	public int port(Instance instance) {
		get(instance);
		return ports.of(instance);
	}

	public int port(Component component, int number) {
		return port(new Instance(component, number));
	}

	public PostgresServer postgres() {
		return (PostgresServer) get(Component.POSTGRES);
	}

	/** Broker 1, the only one unless the stack is scaled. */
	public KafkaBroker kafka() {
		return kafka(1);
	}

	public KafkaBroker kafka(int broker) {
		return (KafkaBroker) get(Component.KAFKA, broker);
	}

	/** Every broker, as the stack's clients are given them. */
	public String kafkaBootstrapServers() {
		return ports.bootstrapServers();
	}

	/**
	 * The relay instance that streams every source (its engines hold the sources' advisory locks), if one does
	 * now; the others stand by.
	 */
	public Optional<Instance> activeRelay() {
		return instances(Component.CDC_RELAY).stream()
				.filter(relay -> get(relay).isAlive())
				.filter(relay -> RelayEngines.active(RelayEngines.states(ports.of(relay))))
				.findFirst();
	}

	public IdentityServer identity() {
		return (IdentityServer) get(Component.IDENTITY);
	}

	/** Signs tokens the stack's apps accept; available once the stack (or its identity) has started. */
	public TokenIssuer tokens() {
		return identity().issuer();
	}

	/** What every app of this stack verifies tokens against (the {@code ftgo.jwk-set-uri} they are given). */
	public URI jwkSetUri() {
		return IdentityServer.jwkSetUri(ports.base().identity());
	}

	/** Instance 1's Spring Boot process. */
	public ManagedProcess process(Component component) {
		return process(Instance.first(component));
	}

	public ManagedProcess process(Component component, int number) {
		return process(new Instance(component, number));
	}

	/** A Spring Boot instance's process. */
	public ManagedProcess process(Instance instance) {
		if (get(instance) instanceof ManagedProcess process) {
			return process;
		}
		throw new IllegalArgumentException(instance + " is not a Spring Boot process"
				+ (instance.component() == Component.IDENTITY ? "; it runs inside this JVM" : ""));
	}

	/** The components that run, each with one or more instances. */
	public Set<Component> components() {
		Set<Component> components = new LinkedHashSet<>();
		members.keySet().forEach(instance -> components.add(instance.component()));
		return Collections.unmodifiableSet(components);
	}

	/** The ports of instance 1 of every component. */
	public StackPorts ports() {
		return ports.base();
	}

	public Scale scale() {
		return ports.scale();
	}

	public StackLayout layout() {
		return layout;
	}

	public URI gatewayUri() {
		return URI.create("http://localhost:" + ports.base().gateway());
	}

	public URI registryUri() {
		return URI.create("http://localhost:" + ports.base().registry());
	}

	public boolean isClosed() {
		return closed;
	}

	/**
	 * Stops every running instance in reverse start order (the gateway and relays, then the services together,
	 * then the registry, then the infrastructure); safe to call more than once and from a shutdown hook.
	 */
	@Override
	public void close() {
		launchGate.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
		} finally {
			launchGate.writeLock().unlock();
		}
		new StackShutdown(members, launched, listener).run();
	}
}
