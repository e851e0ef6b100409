package dev.ftgo.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The summary's lines about a {@link Scale}d stack: every instance of each component that runs several, where it
 * listens, which relay streams, and the bootstrap list of a Kafka cluster. Nothing for a stack of one of each.
 */
final class Roster {

	private Roster() {
	}

	static List<String> of(Stack stack) {
		return of(stack.instances(), stack::port, relay -> RelayEngines.role(RelayEngines.states(stack.port(relay))),
				stack.kafkaBootstrapServers());
	}

	/**
	 * @param relayRole what a relay instance does now: {@code streams}, {@code standby}
	 */
	static List<String> of(List<Instance> instances, ToIntFunction<Instance> port, Function<Instance, String> relayRole,
			String bootstrapServers) {
		List<String> lines = new ArrayList<>();
		for (Component component : Component.values()) {
			List<Instance> several = instances.stream().filter(instance -> instance.component() == component).toList();
			if (several.size() < 2) {
				continue;
			}
			String addresses = component == Component.KAFKA
					? bootstrapServers + "   (every client gets them all)"
					: several.stream().map(instance -> "http://localhost:" + port.applyAsInt(instance)
							+ (component == Component.CDC_RELAY ? " (" + relayRole.apply(instance) + ")" : ""))
							.collect(Collectors.joining(", "));
			lines.add(String.format(Locale.ROOT, "  %-18s %s", component.id() + " x" + several.size(), addresses));
		}
		return lines;
	}
}
