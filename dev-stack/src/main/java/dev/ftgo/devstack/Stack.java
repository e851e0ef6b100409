package dev.ftgo.devstack;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The local stack as processes: the identity (in this JVM), postgres and kafka, then the registry, then
 * the services in parallel, then the gateway, which counts as ready only once it discovers every started
 * service. Every app verifies tokens against the identity's JWK set; {@link #tokens()} signs them. Components can
 * be stopped, killed and restarted one by one; {@link #close()} stops all of them in reverse order.
 *
 * <pre>{@code
 * try (Stack stack = Stack.builder(StackLayout.detect().withRunDir(tmp), StackPorts.free())
 *         .with(Component.CONSUMER_SERVICE, Component.API_GATEWAY).build()) {
 *     stack.start();
 *     stack.kill(Component.CONSUMER_SERVICE);
 * }
 * }</pre>
 */
public final class Stack implements AutoCloseable {

	private final StackLayout layout;
	private final StackPorts ports;
	private final Map<Component, ManagedComponent> members;
	private final StackListener listener;
	private final Duration startTimeout;
	private final boolean resetData;
	// Launches (read lock, several at once) exclude close (write lock): once closed, nothing is launched
	// any more, so a shutdown hook running during start-up cannot leave a process behind.
	private final ReadWriteLock launchGate = new ReentrantReadWriteLock();
	private volatile boolean closed;
	// What close() reports as stopped: zonky's own shutdown hook may stop postgres before close() gets
	// to it, so "is it alive now" would leave it out of the report.
	private final Set<Component> launched = ConcurrentHashMap.newKeySet();

	Stack(StackLayout layout, StackPorts ports, Map<Component, ManagedComponent> members, StackListener listener,
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

	/** Starts one component (e.g. after {@link #kill}) and waits until it is healthy. */
	public void start(Component component) {
		ManagedComponent member = get(component);
		launchGate.readLock().lock();
		try {
			if (closed) {
				throw new StackException("The stack is shutting down; not starting " + component);
			}
			member.start();
			launched.add(component);
		} finally {
			launchGate.readLock().unlock();
		}
		member.awaitHealthy(startTimeout);
	}

	public void stop(Component component) {
		get(component).stop();
		launched.remove(component);
	}

	public void kill(Component component) {
		get(component).kill();
		launched.remove(component);
	}

	public void restart(Component component) {
		stop(component);
		start(component);
	}

	public ManagedComponent get(Component component) {
		ManagedComponent member = members.get(component);
		if (member == null) {
			throw new IllegalArgumentException(component + " is not part of this stack; add it with with(...)");
		}
		return member;
	}

	public PostgresServer postgres() {
		return (PostgresServer) get(Component.POSTGRES);
	}

	public KafkaBroker kafka() {
		return (KafkaBroker) get(Component.KAFKA);
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
		return IdentityServer.jwkSetUri(ports.identity());
	}

	/** A Spring Boot component's process. */
	public ManagedProcess process(Component component) {
		if (get(component) instanceof ManagedProcess process) {
			return process;
		}
		throw new IllegalArgumentException(component + " is not a Spring Boot process"
				+ (component == Component.IDENTITY ? "; it runs inside this JVM" : ""));
	}

	public Set<Component> components() {
		return Collections.unmodifiableSet(members.keySet());
	}

	public StackPorts ports() {
		return ports;
	}

	public StackLayout layout() {
		return layout;
	}

	public URI gatewayUri() {
		return URI.create("http://localhost:" + ports.gateway());
	}

	public URI registryUri() {
		return URI.create("http://localhost:" + ports.registry());
	}

	public boolean isClosed() {
		return closed;
	}

	/**
	 * Stops every running component in reverse start order (the gateway, then the services together, then
	 * the registry, then the infrastructure); safe to call more than once and from a shutdown hook.
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
