package dev.ftgo.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the stack: its output is appended to {@code <runDir>/logs/<name>.log} and its pid
 * kept in {@code <runDir>/pids/<name>.pid}. Starting it first ends a leftover of the same component
 * from a crashed run, recognised by the {@code -Dftgo.component=<name>} marker on its command line.
 */
public final class ManagedProcess implements ManagedComponent {

	/**
	 * How long {@link #stop()} waits after SIGTERM before it kills. A business service does not stop at once: it
	 * leaves Eureka and drains for its {@code ftgo.discovery.drain-delay} (12 s) until every caller has forgotten
	 * it, then shuts down gracefully, 16.7 to 20.0 s in all; 20 s here killed some of them before they were done.
	 * 30 s gives their graceful stop 10 s of margin. Its cost stays bounded: {@link StackShutdown} stops a
	 * stage's instances in parallel, so a normal Ctrl-C or {@code ./stack stop} still waits for the slowest service
	 * once (about 20 s of its well under a minute), and only a process that ignores SIGTERM makes a stage wait
	 * the full 30 s, within the 90 s a whole stop may take.
	 */
	public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
	private static final long POLL_MILLIS = 250;
	private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

	private final String name;
	private final List<String> command;
	private final Path workDir;
	private final Path logFile;
	private final PidFile pidFile;
	private final HealthProbe probe;
	private final RunHook hook;
	private volatile Process process;

	public ManagedProcess(String name, List<String> command, Path workDir, Path runDir, HealthProbe probe) {
		this(name, command, workDir, runDir, probe, RunHook.NONE);
	}

	ManagedProcess(String name, List<String> command, Path workDir, Path runDir, HealthProbe probe, RunHook hook) {
		this.name = name;
		this.command = List.copyOf(command);
		this.workDir = workDir;
		this.logFile = runDir.resolve("logs").resolve(name + ".log");
		this.pidFile = new PidFile(runDir.resolve("pids").resolve(name + ".pid"), ChildCommand.marker(name));
		this.probe = probe;
		this.hook = hook;
	}

	@Override
	public String name() {
		return name;
	}

	public Path logFile() {
		return logFile;
	}

	public List<String> command() {
		return command;
	}

	@Override
	public synchronized void start() {
		if (isAlive()) {
			throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
		}
		stopLeftover();
		try {
			Process started = ChildCommand.launch(name, hook.beforeLaunch(command), workDir, logFile);
			process = started;
			pidFile.write(started.pid());
		} catch (IOException e) {
			throw ComponentFailedException.failed(name, "could not be launched: " + e.getMessage(), logFile, e);
		}
	}

	/**
	 * Ends a process that an earlier, crashed run left behind, so that it frees its ports and files.
	 *
	 * @return the pid of the leftover, if there was one
	 */
	synchronized OptionalLong stopLeftover() {
		Process current = process;
		Optional<ProcessHandle> leftover = pidFile.leftover().filter(found -> current == null || current.pid() != found.pid());
		leftover.ifPresent(found -> {
			log.warn("Stopping a leftover {} (pid {}) from an earlier run", name, found.pid());
			ProcessTree.terminate(found, LEFTOVER_GRACE);
		});
		if (current == null || !current.isAlive()) {
			pidFile.delete();
		}
		return leftover.map(found -> OptionalLong.of(found.pid())).orElse(OptionalLong.empty());
	}

	@Override
	public void awaitHealthy(Duration timeout) {
		Process watched = process;
		if (watched == null) {
			throw new IllegalStateException(name + " has not been started");
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				if (!watched.isAlive()) {
					throw ComponentFailedException.exited(name, watched.exitValue(), logFile);
				}
				if (probeSaysHealthy()) {
					CpuWeight.settle(name, watched.pid());
					return;
				}
				if (System.nanoTime() - deadline >= 0) {
					throw ComponentFailedException.timedOut(name, timeout, probe.description(), logFile);
				}
				// returns at once when the process exits, so a crash is reported without delay
				watched.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting for " + name + " to become healthy", e);
		}
	}

	private boolean probeSaysHealthy() throws InterruptedException {
		try {
			return probe.isHealthy();
		} catch (InterruptedException e) {
			throw e;
		} catch (Exception e) {
			return false;
		}
	}

	@Override
	public void stop() {
		stop(DEFAULT_GRACE);
	}

	/** SIGTERM, then SIGKILL for whatever has not exited after {@code grace}; descendants included. */
	public synchronized void stop(Duration grace) {
		if (process != null) {
			ProcessTree.terminate(process.toHandle(), hook.grace(grace));
			exited();
		}
		pidFile.delete();
	}

	@Override
	public synchronized void kill() {
		if (process != null) {
			ProcessTree.kill(process.toHandle());
			exited();
		}
		pidFile.delete();
	}

	/** Tells the hook how the run ended, once the process is gone (it is, unless it outlived even SIGKILL). */
	private void exited() {
		try {
			if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				hook.afterExit(process.exitValue());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Graceful stop, then start; does not wait for health. */
	public synchronized void restart() {
		stop();
		start();
	}

	public long pid() {
		Process current = process;
		if (current == null) {
			throw new IllegalStateException(name + " has not been started");
		}
		return current.pid();
	}

	@Override
	public boolean isAlive() {
		Process current = process;
		return current != null && current.isAlive();
	}

	/** The exit code of the last run, empty while running or before the first start. */
	public OptionalInt exitCode() {
		Process current = process;
		return current == null || current.isAlive() ? OptionalInt.empty() : OptionalInt.of(current.exitValue());
	}
}
