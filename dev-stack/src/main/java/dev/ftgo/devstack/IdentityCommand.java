package dev.ftgo.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code ./stack identity [--identity-port 8090] [--bind ADDRESS] [--key-file PATH]}: only the dev stack's
 * identity ({@link IdentityServer}: the JWK set and the dev-only {@code POST /tokens}), in the foreground
 * until Ctrl-C or SIGTERM. It is what the {@code identity} container of docker-compose.yml and of
 * k8s/overlays/local runs, so that the apps there have a JWK set to verify tokens with. The key is read
 * from the key file, or created there; by default that is the run dir's, the one {@code ./stack token} signs with.
 */
record IdentityCommand(boolean help, int port, InetAddress bindAddress, Path keyFile, Path runDir) {

	static final String NAME = "identity";

	/** @throws IllegalArgumentException for a usage error, worded for the person at the terminal */
	static IdentityCommand parse(List<String> args) {
		SubcommandArgs options = SubcommandArgs.parse(NAME, args, Set.of("--identity-port", "--bind", "--key-file", "--run-dir"));
		return new IdentityCommand(options.help(),
				options.value("--identity-port").map(port -> CliOptions.port("--identity-port=" + port))
						.orElse(StackPorts.defaults().identity()),
				options.value("--bind").map(IdentityCommand::address).orElse(InetAddress.getLoopbackAddress()),
				options.value("--key-file").map(file -> Path.of(file).toAbsolutePath()).orElse(null),
				options.value("--run-dir").map(dir -> Path.of(dir).toAbsolutePath()).orElse(null));
	}

	private static InetAddress address(String value) {
		try {
			return InetAddress.getByName(value);
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException("--bind takes an address of this machine, such as 127.0.0.1 or 0.0.0.0, not '"
					+ value + "'");
		}
	}

	/**
	 * The key file to serve: {@code --key-file}, else the run dir's. Only the latter needs the project
	 * ({@code layout}), which a container does not have.
	 */
	Path keyFile(Supplier<StackLayout> layout) {
		if (keyFile != null) {
			return keyFile;
		}
		StackLayout detected;
		try {
			detected = layout.get();
		} catch (StackException e) {
			throw new StackException(e.getMessage() + " Outside the project, say where the key lives with --key-file.", e);
		}
		return (runDir == null ? detected : detected.withRunDir(runDir)).signingKeyFile();
	}

	/** Starts the identity with the key in {@code keyFile} (made there if missing) and returns it running; the caller stops it. */
	IdentityServer start(Path keyFile) {
		TokenIssuer issuer;
		try {
			issuer = TokenIssuer.loadOrCreate(keyFile);
		} catch (UncheckedIOException e) {
			throw new StackException(e.getMessage() + ": " + reason(e.getCause()) + ". Give the identity a writable place"
					+ " for its key with --key-file.", e);
		}
		IdentityServer server = new IdentityServer(issuer, bindAddress, port);
		try {
			server.start();
		} catch (UncheckedIOException e) {
			throw new StackException(e.getMessage() + ": " + reason(e.getCause()), e);
		}
		return server;
	}

	private static String reason(IOException e) {
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		return e instanceof FileSystemException failed && failed.getReason() != null ? failed.getReason() : String.valueOf(e.getMessage());
	}

	/**
	 * Blocks while {@code server} serves: its threads are daemons, so this thread is what keeps the JVM up.
	 * On Ctrl-C or SIGTERM (a container's stop) the shutdown hook closes the socket and the JVM ends.
	 */
	void serve(IdentityServer server, Path keyFile, PrintStream out) {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping the identity");
			server.close();
			stopped.countDown();
		}, "identity-shutdown"));
		out.println("FTGO development identity on " + bindAddress.getHostAddress() + ":" + server.port()
				+ " (key " + server.issuer().keyId() + " in " + keyFile + ")");
		out.println("  JWK set          GET " + server.jwkSetUri());
		out.println("  Token endpoint   POST " + server.tokensUri() + "   (development only: anyone who reaches it gets any role)");
		out.println("Ctrl-C or SIGTERM stops it.");
		try {
			stopped.await();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
