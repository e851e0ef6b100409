package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackBuilder;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackPorts;

/** Starts the stack of a test class on free ports in a run directory of its own. */
final class SystemStack {

	/**
	 * Gateway arguments that lift the per-client rate limit (default 50 requests/s, burst 100) far above what
	 * any test sends, for tests about something else whose load would otherwise meet it. The limiter still
	 * runs; it just never refuses. The gateway module's own tests cover the limit itself.
	 */
	static final String[] RATE_LIMIT_OUT_OF_THE_WAY = { "--ftgo.gateway.rate-limit.requests-per-second=100000",
			"--ftgo.gateway.rate-limit.burst=100000" };

	private SystemStack() {
	}

	/** Starts {@code components} (and what they need), or everything when none is named. */
	static Stack start(String name, Component... components) {
		return start(name, UnaryOperator.identity(), components);
	}

	/** As {@link #start(String, Component...)}, with the builder adjusted first (e.g. extra arguments for an app). */
	static Stack start(String name, UnaryOperator<StackBuilder> adjust, Component... components) {
		Stack stack;
		try {
			stack = adjust.apply(Stack.builder(StackLayout.detect().withRunDir(Files.createTempDirectory("ftgo-" + name + "-")),
					StackPorts.free()).with(components)).build();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// a test JVM ended by a signal (Ctrl-C on the build, a CI time-out) runs no @AfterAll: without this its
		// stack's processes would outlive it
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "ftgo-" + name + "-stop"));
		try {
			stack.start();
			return stack;
		}
		catch (RuntimeException e) {
			stack.close();
			throw e;
		}
	}
}
