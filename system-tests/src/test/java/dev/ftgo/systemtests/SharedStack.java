package dev.ftgo.systemtests;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * The full stack, rate limit out of the way ({@link SystemStack#RATE_LIMIT_OUT_OF_THE_WAY}) and services stopping
 * without a drain ({@link SystemStack#withoutDrain}), shared by the test classes that need every process and nothing else special (see {@link StackPerSuite}). They run after the classes
 * with stacks of their own; the one that kills processes runs last of them.
 */
final class SharedStack extends StackPerSuite {

	/** The order of the first class sharing the stack; the others follow it. */
	static final int FIRST = org.junit.jupiter.api.Order.DEFAULT + 1;

	@Override
	String name() {
		return "shared";
	}

	@Override
	Stack start() {
		return SystemStack.start(name(),
				builder -> SystemStack.withoutDrain(builder.args(Component.API_GATEWAY, SystemStack.RATE_LIMIT_OUT_OF_THE_WAY)));
	}
}
