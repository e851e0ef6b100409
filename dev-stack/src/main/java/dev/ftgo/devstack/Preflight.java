package dev.ftgo.devstack;

import java.nio.file.Files;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the stack checks before launching anything, so that a predictable problem gets a clear message
 * instead of a crashed component: leftovers of a crashed run are ended first (they hold the ports that
 * are checked next), then data is reset if asked, then jars and ports are checked.
 */
final class Preflight {

	private Preflight() {
	}

	static void run(StackLayout layout, StackPorts ports, Map<Component, ManagedComponent> members, boolean resetData,
					StackListener listener) {
		members.forEach((component, member) -> stopLeftover(member).ifPresent(pid ->
				listener.notice("Stopped a leftover " + component + " (pid " + pid + ") from an earlier run")));
		if (resetData) {
			Directories.deleteRecursively(layout.dataDir());
		}
		for (Component component : members.keySet()) {
			if (members.get(component) instanceof ManagedProcess && !Files.isRegularFile(layout.jar(component.id()))) {
				throw new StackException(component.id() + " is not built: " + layout.jar(component.id())
						+ " is missing. Build it with ./mvnw -DskipTests package (./stack does).");
			}
		}
		for (Component component : members.keySet()) {
			Ports.requireFree(ports.of(component), component.id());
			if (component == Component.KAFKA) {
				Ports.requireFree(ports.kafkaController(), "kafka-controller");
			}
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
}
