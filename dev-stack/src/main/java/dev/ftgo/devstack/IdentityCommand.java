package dev.ftgo.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./stack identity [--identity-port 8090] [--bind ADDRESS] [--key-file PATH]}: only the dev stack's
 * identity ({@link IdentityServer}: the JWK set and the dev-only {@code POST /tokens}), in the foreground
 * until Ctrl-C or SIGTERM. It is what the {@code identity} container of docker-compose.yml and of
 * k8s/overlays/local runs, so that the apps there have a JWK set to verify tokens with. The key is read
 * from the key file, or created there; by default that is the run dir's, the one {@code ./stack token} signs with.
 */
@Command(name = IdentityCommand.NAME,
		description = {"Runs only the identity (JWK set and POST /tokens) in the foreground until Ctrl-C or SIGTERM.",
				"It is the identity container of docker-compose.yml and k8s/overlays/local. Development only.", ""},
		exitCodeList = {
				"  1:the key file cannot be read or written, or no project is found for the default one",
				"  2:the port is in use",
				" 64:bad usage",
				"130:stopped by Ctrl-C (143: by SIGTERM, as a container is stopped)" })
final class IdentityCommand extends ConsoleCommand {

	static final String NAME = "identity";

	@Option(names = "--identity-port", paramLabel = "N", converter = OptionValues.Port.class,
			description = "default ${DEFAULT-VALUE}")
	int port = StackPorts.defaults().identity();

	@Option(names = "--bind", paramLabel = "ADDRESS", converter = OptionValues.Address.class,
			description = "the address it listens on: default 127.0.0.1; 0.0.0.0 for every interface")
	InetAddress bindAddress = InetAddress.getLoopbackAddress();

	@Option(names = "--key-file", paramLabel = "PATH", converter = OptionValues.AbsolutePath.class,
			description = "the signing key, created there if missing (default: the run dir's, which ./stack token signs with)")
	Path keyFile;

	@Mixin
	RunDirOption runDir;

	IdentityCommand(PrintStream out, PrintStream err) {
		super(out, err);
	}

	/** Returns only when the identity could not start (or the waiting thread is interrupted): SIGTERM ends the JVM. */
	@Override
	public Integer call() {
		return reporting(() -> {
			Path servedKeyFile = keyFile(StackLayout::detect);
			serve(start(servedKeyFile), servedKeyFile);
			return 0;
		});
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
		return runDir.applyTo(detected).signingKeyFile();
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
	void serve(IdentityServer server, Path keyFile) {
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
