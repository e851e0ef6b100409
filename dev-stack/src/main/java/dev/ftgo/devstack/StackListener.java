package dev.ftgo.devstack;

import java.time.Duration;

/** Hears about progress, e.g. to print a line per instance. Called from the threads doing the work. */
public interface StackListener {

	StackListener NONE = new StackListener() {
	};

	/** The instance is healthy; {@code detail} says where to reach it. */
	default void started(Instance instance, Duration took, String detail) {
	}

	default void stopped(Instance instance, Duration took) {
	}

	/** Something the person running the stack should know, e.g. that a leftover of a crashed run was stopped. */
	default void notice(String message) {
	}
}
