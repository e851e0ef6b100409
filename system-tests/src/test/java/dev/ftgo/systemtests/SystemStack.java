package dev.ftgo.systemtests;

import java.util.function.UnaryOperator;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackBuilder;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackPorts;

/**
 * Starts the stack of a test class on free ports in a run directory of its own, and {@linkplain #stop stops} it
 * along with that directory.
 */
final class SystemStack {

	/**
	 * Gateway arguments that lift the per-client rate limit (default 50 requests/s, burst 100) far above what
	 * any test sends, for tests about something else whose load would otherwise meet it. The limiter still
	 * runs; it just never refuses. The gateway module's own tests cover the limit itself.
	 */
	static final String[] RATE_LIMIT_OUT_OF_THE_WAY = { "--ftgo.gateway.rate-limit.requests-per-second=100000",
			"--ftgo.gateway.rate-limit.burst=100000" };

	/**
	 * Adjusts a stack that no test stops gracefully: its services leave the registry on SIGTERM and shut down at
	 * once, without the drain ({@code ftgo.discovery.drain-delay}, 12 s) that keeps callers' cached views from
	 * reaching them. So the stop at the end of the stack's classes takes seconds instead of about 20. A stack whose
	 * tests stop a service gracefully, to show that it costs no request, keeps the drain ({@link ScaledStack}).
	 */
	static StackBuilder withoutDrain(StackBuilder builder) {
		for (var service : new Component[] { Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
				Component.KITCHEN_SERVICE }) {
			builder.args(service, "--ftgo.discovery.drain-delay=0s");
		}
		return builder;
	}

	private SystemStack() {
	}

	/** Starts {@code components} (and what they need), or everything when none is named. */
	static Stack start(String name, Component... components) {
		return start(name, UnaryOperator.identity(), components);
	}

	/** As {@link #start(String, Component...)}, with the builder adjusted first (e.g. extra arguments for an app). */
	static Stack start(String name, UnaryOperator<StackBuilder> adjust, Component... components) {
		var runDir = RunDirectories.create(name);
		Stack stack;
		try {
			stack = adjust.apply(Stack.builder(StackLayout.detect().withRunDir(runDir), StackPorts.free()).with(components))
					.build();
		}
		catch (RuntimeException e) {
			RunDirectories.release(runDir);
			throw e;
		}
		// a test JVM ended by a signal (Ctrl-C on the build, a CI time-out) runs no @AfterAll: without this its
		// stack's processes would outlive it
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "ftgo-" + name + "-stop"));
		try {
			stack.start();
			return stack;
		}
		catch (RuntimeException e) {
			stop(stack);
			throw e;
		}
	}

	/**
	 * Stops every process of the stack, then deletes its run directory (unless {@link RunDirectories#KEEP} keeps
	 * it); safe to call more than once.
	 */
	static void stop(Stack stack) {
		try {
			stack.close();
		}
		finally {
			RunDirectories.release(stack.layout().runDir());
		}
	}
}
