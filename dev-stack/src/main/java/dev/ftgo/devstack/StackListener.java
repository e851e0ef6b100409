package dev.ftgo.devstack;

import java.time.Duration;

/** Hears about progress, e.g. to print a line per component. Called from the threads doing the work. */
public interface StackListener {

	StackListener NONE = new StackListener() {
	};

	/** The component is healthy; {@code detail} says where to reach it. */
	default void started(Component component, Duration took, String detail) {
	}

	default void stopped(Component component, Duration took) {
	}

	/** Something the person running the stack should know, e.g. that a leftover of a crashed run was stopped. */
	default void notice(String message) {
	}
}
