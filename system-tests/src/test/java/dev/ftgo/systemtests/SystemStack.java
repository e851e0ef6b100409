package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackLayout;
import dev.ftgo.devstack.StackPorts;

/** Starts the stack of a test class on free ports in a run directory of its own. */
final class SystemStack {

	private SystemStack() {
	}

	/** Starts {@code components} (and what they need), or everything when none is named. */
	static Stack start(String name, Component... components) {
		Stack stack;
		try {
			stack = Stack.builder(StackLayout.detect().withRunDir(Files.createTempDirectory("ftgo-" + name + "-")),
					StackPorts.free()).with(components).build();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
