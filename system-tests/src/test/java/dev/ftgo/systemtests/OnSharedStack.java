package dev.ftgo.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

/**
 * A test class on the {@link SharedStack}, with the clients each of them needs: the gateway as every kind of caller,
 * an admin to set up and watch, and the broker read directly. Its tests run in the order of their {@code @Order}
 * unless the class orders them otherwise; where the class runs among the others is its own {@code @Order}.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OnSharedStack {

	static Stack stack;
	static Fixtures fixtures;
	static ApiClient admin;
	static KafkaTopics kafka;

	/** Connects once per stack: the classes after the first reuse the clients, and the threads their HTTP clients hold. */
	@BeforeAll
	static void connect(Stack shared) {
		if (shared == stack) {
			return;
		}
		stack = shared;
		fixtures = new Fixtures(stack);
		admin = fixtures.asAdmin();
		kafka = new KafkaTopics("127.0.0.1:" + stack.ports().kafka());
	}
}
