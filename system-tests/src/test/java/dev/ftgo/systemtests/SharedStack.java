package dev.ftgo.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * The full stack, rate limit out of the way ({@link SystemStack#RATE_LIMIT_OUT_OF_THE_WAY}), shared by the
 * test classes that need every process and nothing else special: started for the first of them, stopped
 * (its run directory deleted) when the test run ends. Starting a stack costs about a minute on two cores; sharing it saves that for
 * each class after the first.
 *
 * <p>A class takes it as a parameter of its {@code @BeforeAll} method and leaves it the way it found it:
 * every process running (what it stopped or killed, it started again), every fault undone. The classes
 * sharing it run last and one after the other ({@code @Order} on each, see {@code junit-platform.properties}),
 * so that no other stack runs beside it; the one that kills processes runs last of all.
 */
final class SharedStack implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

	/** The order of the first class sharing the stack; the others follow it. */
	static final int FIRST = org.junit.jupiter.api.Order.DEFAULT + 1;

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Stack.class;
	}

	@Override
	public Stack resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, key -> new Running(SystemStack
			.start("shared", builder -> builder.args(Component.API_GATEWAY, SystemStack.RATE_LIMIT_OUT_OF_THE_WAY))),
				Running.class).stack();
	}

	/** Closed by JUnit when the root context closes, at the end of the run. */
	private record Running(Stack stack) implements AutoCloseable {
		@Override
		public void close() {
			SystemStack.stop(stack);
		}
	}
}
