package dev.ftgo.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import dev.ftgo.devstack.Stack;

/**
 * A stack shared by the test classes that take it as a parameter of their {@code @BeforeAll} method: started for
 * the first of them, and kept until either the test run ends or a class asks for a different shared stack. Only
 * one shared stack runs at a time, so the classes sharing one run one after the other ({@code @Order} on each, see
 * {@code junit-platform.properties}); asking for another stops the current one first (its run directory deleted),
 * and no two stacks ever compete for the two cores. Starting a stack costs about a minute there, and stopping one
 * about half a minute; sharing saves both for each class after the first.
 *
 * <p>A class sharing a stack leaves it the way it found it: every process running (what it stopped or killed, it
 * started again), every fault undone.
 *
 * <p>A test that fails prints the stack's last error lines ({@link FailureLogs}): its run directory, with the whole
 * logs, is deleted when the stack stops.
 */
abstract class StackPerSuite implements ParameterResolver, TestWatcher {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackPerSuite.class);

	/** The name of the stack's run directory, which also tells the shared stacks apart. */
	abstract String name();

	abstract Stack start();

	@Override
	public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Stack.class;
	}

	@Override
	public final Stack resolveParameter(ParameterContext parameter, ExtensionContext context) {
		var store = context.getRoot().getStore(NAMESPACE);
		synchronized (StackPerSuite.class) {
			var current = store.get(Running.class, Running.class);
			if (current != null && !current.name().equals(name())) {
				store.remove(Running.class);
				current.close();
				current = null;
			}
			if (current == null) {
				current = new Running(name(), start());
				store.put(Running.class, current);
			}
			return current.stack();
		}
	}

	@Override
	public final void testFailed(ExtensionContext context, Throwable cause) {
		var current = context.getRoot().getStore(NAMESPACE).get(Running.class, Running.class);
		if (current != null) {
			System.out.println("The logs of the " + current.name() + " stack, after " + context.getDisplayName()
					+ " failed:");
			FailureLogs.print(current.stack().layout().runDir(), System.out);
		}
	}

	/** Closed by JUnit when the root context closes, at the end of the run, if no other stack replaced it. */
	private record Running(String name, Stack stack) implements AutoCloseable {
		@Override
		public void close() {
			SystemStack.stop(stack);
		}
	}
}
