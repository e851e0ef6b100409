package dev.ftgo.devstack;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the stack checks before launching anything, so that a predictable problem gets a clear message
 * instead of a crashed component: leftovers of a crashed run are ended first (they hold the ports that
 * are checked next), then data is reset if asked, then jars and ports are checked.
 */
final class Preflight {

	private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

	private Preflight() {
	}

	static void run(StackLayout layout, InstancePorts ports, Map<Instance, ManagedComponent> members, boolean resetData,
					StackListener listener) {
		members.forEach((instance, member) -> stopLeftover(member).ifPresent(pid ->
				listener.notice("Stopped a leftover " + instance + " (pid " + pid + ") from an earlier run")));
		stopLeftoversOfOtherInstances(layout, members.keySet(), listener);
		if (resetData) {
			Directories.deleteRecursively(layout.dataDir());
		}
		for (Instance instance : members.keySet()) {
			String module = instance.component().id();
			if (members.get(instance) instanceof ManagedProcess && !Files.isRegularFile(layout.jar(module))) {
				throw new StackException(module + " is not built: " + layout.jar(module)
						+ " is missing. Build it with ./mvnw -DskipTests package (./stack does).");
			}
		}
		for (Instance instance : members.keySet()) {
			requireFree(ports.of(instance), instance, instance.id());
			if (instance.component() == Component.KAFKA) {
				requireFree(ports.controller(instance.number()), instance, instance.number() == 1
						? "kafka-controller" : instance.id() + "-controller");
			}
		}
	}

	private static void requireFree(int port, Instance instance, String what) {
		if (instance.number() == 1) {
			Ports.requireFree(port, what);
		} else if (!Ports.isFree(port)) {
			throw PortInUseException.chosen(port, what);
		}
	}

	private static OptionalLong stopLeftover(ManagedComponent member) {
		if (member instanceof ManagedProcess process) {
			return process.stopLeftover();
		} else if (member instanceof KafkaBroker broker) {
			return broker.process().stopLeftover();
		} else if (member instanceof PostgresServer postgres && !postgres.isAlive()) {
			return new Postmaster(postgres.dataDir()).killLeftover();
		}
		return OptionalLong.empty();
	}

	/**
	 * Instances a crashed run of a larger stack left behind (say order-service-2, which this run does not start):
	 * they would keep consuming and registering with Eureka under the same names. Instance 1 of a component this
	 * stack does not run is left alone, as a stack of some components always did.
	 */
	private static void stopLeftoversOfOtherInstances(StackLayout layout, Set<Instance> members, StackListener listener) {
		Set<String> ours = members.stream().map(Instance::id).collect(Collectors.toSet());
		for (Leftovers.Leftover leftover : Leftovers.children(layout)) {
			if (leftover.number() > 1 && !ours.contains(leftover.instance())) {
				ProcessTree.terminate(leftover.process(), LEFTOVER_GRACE);
				leftover.pidFile().delete();
				listener.notice("Stopped a leftover " + leftover.instance() + " (pid " + leftover.process().pid() + ") from an earlier run");
			}
		}
	}
}
