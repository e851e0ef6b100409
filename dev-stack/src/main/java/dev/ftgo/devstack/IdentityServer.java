package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * The dev stack's stand-in for an identity provider, in the launcher's own JVM: serves the
 * {@link TokenIssuer}'s JWK set at {@value IdentityEndpoints#JWKS_PATH}, which every app verifies tokens
 * against, and issues tokens at {@code POST /tokens} (dev only: anyone who reaches it gets any role). Its
 * threads are daemons, so it never keeps a JVM alive. It listens on 127.0.0.1 unless given another
 * address: {@code ./stack identity --bind=0.0.0.0} in a container, which only the compose network and the
 * host's loopback reach, or the pods a NetworkPolicy admits (docker-compose.yml, k8s/overlays/local).
 *
 * <pre>{@code
 * try (IdentityServer identity = new IdentityServer(TokenIssuer.generate(), 0)) {
 *     identity.start();
 *     URI jwks = identity.jwkSetUri();
 * }
 * }</pre>
 */
public final class IdentityServer implements ManagedComponent, AutoCloseable {

	private final Supplier<TokenIssuer> issuerSource;
	private final InetAddress bindAddress;
	private final int requestedPort;
	private volatile TokenIssuer issuer;
	private HttpServer server;
	private ExecutorService executor;

	/** Serves {@code issuer} on {@code port}; 0 picks a free port (see {@link #port()}). */
	public IdentityServer(TokenIssuer issuer, int port) {
		this(issuer, InetAddress.getLoopbackAddress(), port);
	}

	/** Serves {@code issuer} on {@code bindAddress} (the wildcard address: every interface) and {@code port}. */
	public IdentityServer(TokenIssuer issuer, InetAddress bindAddress, int port) {
		this(() -> issuer, bindAddress, port);
	}

	private IdentityServer(Supplier<TokenIssuer> issuerSource, InetAddress bindAddress, int port) {
		this.issuerSource = issuerSource;
		this.bindAddress = bindAddress;
		this.requestedPort = port;
	}

	/**
	 * Serves the key stored in {@code keyFile}, read (or created) at each {@link #start()}: the stack
	 * starts it after a {@code --reset} has deleted the data, key included.
	 */
	public static IdentityServer withKeyFile(Path keyFile, int port) {
		return new IdentityServer(() -> TokenIssuer.loadOrCreate(keyFile), InetAddress.getLoopbackAddress(), port);
	}

	@Override
	public String name() {
		return Component.IDENTITY.id();
	}

	@Override
	public synchronized void start() {
		if (server != null) {
			throw new IllegalStateException("identity is already running on port " + port());
		}
		TokenIssuer loaded = issuerSource.get();
		HttpServer created;
		try {
			created = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 0);
		} catch (BindException e) {
			if (!isOfThisMachine(bindAddress)) {
				throw new StackException("Cannot listen on " + bindAddress.getHostAddress() + ": it is no address of this"
						+ " machine. Choose one of its own with --bind, or 0.0.0.0 for all of them.");
			}
			throw PortInUseException.taken(requestedPort, name(), "--" + Component.IDENTITY.portOption());
		} catch (IOException e) {
			throw new UncheckedIOException("Could not open the identity server on port " + requestedPort, e);
		}
		issuer = loaded;
		executor = Executors.newFixedThreadPool(2, daemon("identity-http"));
		created.setExecutor(executor);
		created.createContext("/", new IdentityEndpoints(() -> issuer));
		startAsDaemon(created);
		server = created;
	}

	/** Already serving once {@link #start()} returns. */
	@Override
	public void awaitHealthy(Duration timeout) {
		if (!isAlive()) {
			throw new StackException("identity is not running; start() it first");
		}
	}

	@Override
	public synchronized void stop() {
		if (server == null) {
			return;
		}
		server.stop(0);
		executor.shutdownNow();
		server = null;
		executor = null;
	}

	/** The same as {@link #stop()}: nothing of an in-process server outlives its socket. */
	@Override
	public void kill() {
		stop();
	}

	@Override
	public synchronized boolean isAlive() {
		return server != null;
	}

	@Override
	public void close() {
		stop();
	}

	/** The port it listens on, the chosen one when constructed with 0. */
	public synchronized int port() {
		return server != null ? server.getAddress().getPort() : requestedPort;
	}

	/** The address and port it listens on (the requested ones before {@link #start()}). */
	public synchronized InetSocketAddress address() {
		return server != null ? server.getAddress() : new InetSocketAddress(bindAddress, requestedPort);
	}

	/** The issuer behind the running server (after a {@link #start()}). */
	public TokenIssuer issuer() {
		TokenIssuer current = issuer;
		if (current == null) {
			throw new IllegalStateException("identity has not been started, so it has no signing key yet");
		}
		return current;
	}

	/** Where this machine reaches its JWK set: at 127.0.0.1 when it listens there or on every interface. */
	public URI jwkSetUri() {
		return localUri(IdentityEndpoints.JWKS_PATH);
	}

	public URI tokensUri() {
		return localUri(IdentityEndpoints.TOKENS_PATH);
	}

	private URI localUri(String path) {
		InetAddress address = address().getAddress();
		String host = address.isAnyLocalAddress() || address.equals(InetAddress.getLoopbackAddress()) ? "127.0.0.1"
				: address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
		return URI.create("http://" + host + ":" + port() + path);
	}

	/** Where an identity server on {@code port} serves its JWK set. */
	public static URI jwkSetUri(int port) {
		return URI.create("http://127.0.0.1:" + port + IdentityEndpoints.JWKS_PATH);
	}

	private static boolean isOfThisMachine(InetAddress address) {
		try {
			return address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
		} catch (SocketException e) {
			return true; // cannot tell: the port is the likelier culprit
		}
	}

	/**
	 * HttpServer's dispatcher thread inherits the daemon flag of the thread that starts the server; started
	 * from a test's or the CLI's main thread it would keep the JVM alive after everything else has ended.
	 */
	private static void startAsDaemon(HttpServer server) {
		Thread starter = daemon("identity-start").newThread(server::start);
		starter.start();
		boolean interrupted = false;
		while (starter.isAlive()) {
			try {
				starter.join();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadFactory daemon(String name) {
		return task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}
}
