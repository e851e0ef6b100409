package dev.ftgo.systemtests;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * The gateway, the registry and the three services, without Kafka or the relay, with the gateway's default rate
 * limit: what a client's request meets on its way in. Shared (see {@link StackPerSuite}) by the classes about
 * routing and about placing orders synchronously; they run after the {@link SharedStack} classes, which this stack
 * then replaces. Its services stop without a drain ({@link SystemStack#withoutDrain}).
 */
final class EdgeStack extends StackPerSuite {

	/** The order of the first class sharing the stack; the other follows it. */
	static final int FIRST = SharedStack.FIRST + 10;

	@Override
	String name() {
		return "edge";
	}

	@Override
	Stack start() {
		return SystemStack.start(name(), SystemStack::withoutDrain, Component.SERVICE_REGISTRY, Component.CONSUMER_SERVICE,
				Component.KITCHEN_SERVICE, Component.ORDER_SERVICE, Component.API_GATEWAY);
	}
}
