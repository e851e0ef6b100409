package dev.ftgo.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's share of the cores when the machine is saturated: the gateway's session weighs about three times as
 * much as any other.
 * <p>
 * Why: {@link ChildCommand} starts each child in a session of its own, and Linux's autogroup scheduler (on by
 * default) shares the cores equally between sessions, whatever the number of threads in each. Under overload,
 * with ten or more busy sessions (the services, the broker, the relay and each PostgreSQL backend) on two
 * cores, the gateway's share was too small: its refusals, which cost about a millisecond of CPU, took a second
 * and more, and so did any request to it, while order-service answered the same health check in a sixth of
 * that (docs/bench.md, "The refusal tail"). Thread priorities do not help, because they only order the threads
 * within a session; the session's own weight does ({@code /proc/<pid>/autogroup}, see sched(7)). The gateway
 * uses the weight only while it has work, so the others lose nothing while it is idle. It gets it once it is
 * healthy, not at launch: the gateway's own start then does not slow the services starting beside it.
 * <p>
 * Measured (docs/bench.md): a weight of nine (nice −10) brought the refusals' p99 from 1–3 s to 68 ms; three
 * (nice −5) to 32–55 ms, and it leaves the rest of the stack more of the cores than nine does.
 * <p>
 * Raising a weight needs privileges (root, {@code CAP_SYS_NICE} or an {@code RLIMIT_NICE}); without them the
 * gateway keeps the default weight and the launcher says so. Lowering every other child instead needs none, but
 * it also lowers them against everything else on the machine, the bench's own load included.
 * Elsewhere (macOS, Windows, a kernel without autogroups) there is nothing to set.
 */
final class CpuWeight {

	/** The gateway's autogroup nice value: weight 3,121 against the default 1,024. */
	static final int EDGE_NICE = -5;

	/** What {@link #settle} did. */
	enum Outcome {
		/** The process is not the edge: its weight stays the default. */
		UNCHANGED,
		/** The edge's session now weighs {@link #EDGE_NICE}. */
		RAISED,
		/** The edge keeps the default weight: the launcher may not raise it. */
		NOT_PERMITTED,
		/** No autogroups here (or the child never got a session of its own): nothing to set. */
		NO_AUTOGROUPS
	}

	private static final Logger log = LoggerFactory.getLogger(CpuWeight.class);
	// the kernel accepts one autogroup change every 100 ms from a process without CAP_SYS_ADMIN
	private static final int ATTEMPTS = 5;
	private static final long THROTTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(110);
	private static final long SESSION_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private CpuWeight() {
	}

	/** Gives a child that has just become healthy its weight: the edge a larger one, the rest the default. */
	static Outcome settle(String instance, long pid) {
		if (!isEdge(instance)) {
			return Outcome.UNCHANGED;
		}
		Path autogroup = Path.of("/proc", Long.toString(pid), "autogroup");
		if (!awaitSessionOfItsOwn(autogroup, Path.of("/proc/self/autogroup"))) {
			return Outcome.NO_AUTOGROUPS;
		}
		Outcome outcome = raise(autogroup);
		if (outcome == Outcome.NOT_PERMITTED) {
			log.info("{} runs at the default CPU weight: raising it needs root or CAP_SYS_NICE. Under overload its"
					+ " refusals may then wait for a core (docs/bench.md).", instance);
		}
		return outcome;
	}

	/** An instance of the gateway, such as {@code api-gateway} or {@code api-gateway-2}. */
	static boolean isEdge(String instance) {
		String edge = Component.API_GATEWAY.id();
		return instance.equals(edge) || instance.matches(Pattern.quote(edge) + "-\\d+");
	}

	/**
	 * Whether the child has left the launcher's autogroup. setsid runs in the child once it was started, and until
	 * then the file names the launcher's group: changing that would change the launcher and its terminal. A child
	 * started without setsid never leaves it, and is left alone.
	 */
	static boolean awaitSessionOfItsOwn(Path child, Path launcher) {
		long deadline = System.nanoTime() + SESSION_TIMEOUT_NANOS;
		try {
			String own = groupOf(launcher);
			while (groupOf(child).equals(own)) {
				if (System.nanoTime() > deadline) {
					return false;
				}
				LockSupport.parkNanos(POLL_NANOS);
			}
			return true;
		} catch (IOException e) {
			return false; // no autogroups here, or the child is gone
		}
	}

	/** Writes {@value #EDGE_NICE} to a process's autogroup file. */
	static Outcome raise(Path autogroup) {
		for (int attempt = 1;; attempt++) {
			try {
				Files.writeString(autogroup, Integer.toString(EDGE_NICE));
				return Outcome.RAISED;
			} catch (IOException e) {
				if (attempt == ATTEMPTS) {
					log.debug("Could not raise the CPU weight through {}: {}", autogroup, e.getMessage());
					return Outcome.NOT_PERMITTED;
				}
				// EPERM stays; EAGAIN is the kernel's throttle, with several instances launched together
				LockSupport.parkNanos(THROTTLE_NANOS);
			}
		}
	}

	/** {@code /autogroup-42} of {@code /autogroup-42 nice 0}. */
	private static String groupOf(Path autogroup) throws IOException {
		return Files.readString(autogroup).trim().split("\\s+")[0];
	}
}
