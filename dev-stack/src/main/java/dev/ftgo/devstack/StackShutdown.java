package dev.ftgo.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a stack stage by stage in reverse start order. A stage's instances do not depend on each
 * other, so they stop together: the services, which drain for 12 s and take up to about 20 s each to stop
 * (see {@link ManagedProcess#DEFAULT_GRACE}), cost that once per stop rather than once per instance.
 */
final class StackShutdown {

	private static final Logger log = LoggerFactory.getLogger(StackShutdown.class);

	private final Map<Instance, ManagedComponent> members;
	private final Set<Instance> launched;
	private final StackListener listener;

	StackShutdown(Map<Instance, ManagedComponent> members, Set<Instance> launched, StackListener listener) {
		this.members = members;
		this.launched = launched;
		this.listener = listener;
	}

	void run() {
		for (int stage = Component.LAST_STAGE; stage >= 0; stage--) {
			List<Thread> stopping = new ArrayList<>();
			for (Instance instance : members.keySet()) {
				if (instance.component().stage() == stage) {
					Thread thread = new Thread(() -> stop(instance), "dev-stack-stop-" + instance);
					thread.start();
					stopping.add(thread);
				}
			}
			stopping.forEach(StackShutdown::joinUninterruptibly);
		}
	}

	private void stop(Instance instance) {
		ManagedComponent member = members.get(instance);
		long began = System.nanoTime();
		boolean wasRunning = launched.remove(instance) || member.isAlive();
		try {
			member.stop();
		} catch (RuntimeException e) {
			log.warn("Could not stop {} cleanly; killing it", instance, e);
			member.kill();
		}
		if (wasRunning) {
			listener.stopped(instance, Duration.ofNanos(System.nanoTime() - began));
		}
	}

	private static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				// the stack must not count as closed while a component may still be running
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
