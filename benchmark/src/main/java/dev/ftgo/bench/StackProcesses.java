package dev.ftgo.bench;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/** The operating-system processes of a running component: its own and its descendants (PostgreSQL's backends). */
final class StackProcesses {

	private StackProcesses() {
	}

	/** Empty while the component is not running, and for the identity, which runs inside the bench's own JVM. */
	static Optional<List<ProcessHandle>> of(Stack stack, Component component) {
		return pid(stack, component).flatMap(ProcessHandle::of)
				.map(root -> Stream.concat(Stream.of(root), root.descendants()).toList());
	}

	private static Optional<Long> pid(Stack stack, Component component) {
		return switch (component) {
			// a few threads of this JVM: its CPU and memory count as the bench's own
			case IDENTITY -> Optional.empty();
			case POSTGRES -> stack.postgres().pid();
			case KAFKA -> stack.kafka().isAlive() ? Optional.of(stack.kafka().pid()) : Optional.empty();
			default -> stack.process(component).isAlive() ? Optional.of(stack.process(component).pid()) : Optional.empty();
		};
	}
}
