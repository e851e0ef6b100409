package dev.ftgo.systemtests;

import java.time.Duration;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Scale;
import dev.ftgo.devstack.Stack;

/**
 * {@code ./stack --instances=2 --kafka-brokers=3} without the CLI: two instances of every service, two relays and
 * a three-node Kafka cluster behind one gateway, started from the built jars, and shared (see {@link StackPerSuite})
 * by {@link ScaledStackIT}, which shows what it is, and {@link ScaledFaultsIT}, which breaks it. They run last.
 */
final class ScaledStack extends StackPerSuite {

	/** The order of the first class sharing the stack; the other follows it. */
	static final int FIRST = EdgeStack.FIRST + 10;

	@Override
	String name() {
		return "scaled";
	}

	@Override
	Stack start() {
		// the faults are about processes, not about the per-client rate limit (see SharedStack)
		return SystemStack.start(name(), builder -> builder.scale(new Scale(2, 3))
			.args(Component.API_GATEWAY, SystemStack.RATE_LIMIT_OUT_OF_THE_WAY)
			// thirteen JVMs on two cores: each takes longer than when the stack runs one of each
			.startTimeout(Duration.ofMinutes(6)),
				Component.SERVICE_REGISTRY, Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
				Component.KITCHEN_SERVICE, Component.CDC_RELAY, Component.API_GATEWAY);
	}
}
