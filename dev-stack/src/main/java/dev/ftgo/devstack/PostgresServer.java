package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky's embedded binaries) with {@code wal_level=logical}, for the dev stack
 * and for integration tests ({@link #startTemporary()}). Its data directory survives {@link #stop()}
 * and {@link #kill()}; authentication is {@code trust}, as zonky's initdb sets it, which is fine on a
 * developer's loopback interface.
 */
public final class PostgresServer implements ManagedComponent, AutoCloseable {

	// zonky's pg_ctl stop gives up after 5 s; a busy server may need longer to finish a fast shutdown.
	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Path dataDir;
	private final int port;
	private final Path logFile;
	private final Path temporaryRoot;
	private EmbeddedPostgres postgres;

	public PostgresServer(Path dataDir, int port, Path logFile) {
		this(dataDir, port, logFile, null);
	}

	private PostgresServer(Path dataDir, int port, Path logFile, Path temporaryRoot) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.port = port;
		this.logFile = logFile;
		this.temporaryRoot = temporaryRoot;
	}

	/** A started server on a free port in a fresh temporary directory that {@link #close()} deletes. */
	public static PostgresServer startTemporary() {
		Path root;
		try {
			root = Files.createTempDirectory("ftgo-postgres-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		PostgresServer server = new PostgresServer(root.resolve("data"), Ports.freePort(), root.resolve("postgres.log"), root);
		try {
			server.start();
			return server;
		} catch (RuntimeException e) {
			server.close();
			throw e;
		}
	}

	@Override
	public String name() {
		return Component.POSTGRES.id();
	}

	public int port() {
		return port;
	}

	public Path dataDir() {
		return dataDir;
	}

	public Path logFile() {
		return logFile;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Starts the server and waits until it accepts connections. */
	@Override
	public synchronized void start() {
		if (postgres != null) {
			throw new IllegalStateException("postgres is already running on port " + port);
		}
		Postmaster postmaster = new Postmaster(dataDir);
		postmaster.killLeftover();
		try {
			Files.createDirectories(dataDir);
			Files.createDirectories(logFile.getParent());
			postgres = Zonky.start(dataDir, port, logFile);
		} catch (IOException | RuntimeException e) {
			// pg_ctl may have launched a postmaster that never became ready; it must not outlive the failure
			postmaster.killLeftover();
			throw ComponentFailedException.failed(name(), "could not start on port " + port + ": " + e.getMessage(), logFile, e);
		}
	}

	@Override
	public void awaitHealthy(Duration timeout) {
		new Superuser(port).awaitConnectable(timeout, this::isAlive, logFile);
	}

	/** Creates, unless present, login role {@code name} (password {@code name}, REPLICATION) and its database. */
	public synchronized void ensureDatabase(String name) {
		new Superuser(port).ensureDatabase(name);
	}

	@Override
	public synchronized void stop() {
		if (postgres == null) {
			return;
		}
		Postmaster postmaster = new Postmaster(dataDir);
		Optional<ProcessHandle> running = postmaster.running();
		try {
			postgres.close();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not stop postgres", e);
		} finally {
			postgres = null;
			running.ifPresent(process -> postmaster.awaitExitOrKill(process, STOP_GRACE));
		}
	}

	/**
	 * SIGKILLs the postmaster and its backends, as a crash would. A later {@link #start()} runs crash
	 * recovery on the same data directory.
	 */
	@Override
	public synchronized void kill() {
		if (postgres == null) {
			return;
		}
		new Postmaster(dataDir).kill();
		try {
			Zonky.releaseKilled(postgres);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			postgres = null;
		}
	}

	public synchronized void restart() {
		stop();
		start();
	}

	/** The postmaster's pid, empty when not running. */
	public Optional<Long> pid() {
		return new Postmaster(dataDir).running().map(ProcessHandle::pid);
	}

	@Override
	public synchronized boolean isAlive() {
		return postgres != null && pid().isPresent();
	}

	/** Stops the server; a temporary one also loses its directory. */
	@Override
	public void close() {
		try {
			stop();
		} finally {
			if (temporaryRoot != null) {
				Directories.deleteRecursively(temporaryRoot);
			}
		}
	}
}
