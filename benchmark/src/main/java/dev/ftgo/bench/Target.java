package dev.ftgo.bench;

import java.net.URI;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.StackPorts;

/**
 * What the bench can reach. A stack it started itself gives everything, including process control and its
 * signing key; a running stack named with {@code --gateway} gives the gateway, tokens from its identity server
 * and whatever else was named, each {@code null} when not.
 */
record Target(URI gateway, URI orderService, String kafka, String orderServiceJdbcUrl, URI relay, BenchTokens tokens,
		Stack stack) {

	static Target of(Stack stack) {
		return new Target(stack.gatewayUri(), URI.create("http://127.0.0.1:" + stack.ports().order()),
				stack.kafka().bootstrapServers(), stack.postgres().jdbcUrl(Component.ORDER_SERVICE.database()),
				URI.create("http://127.0.0.1:" + stack.ports().relay()), new BenchTokens.Signed(stack.tokens()), stack);
	}

	static Target external(BenchOptions options) {
		URI identity = options.identity() != null ? options.identity()
				: URI.create("http://127.0.0.1:" + StackPorts.defaults().identity());
		return new Target(options.gateway(), options.orderService(), options.kafka(), null, null,
				new BenchTokens.Requested(identity), null);
	}

	boolean controlsProcesses() {
		return stack != null;
	}
}
