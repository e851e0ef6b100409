package dev.ftgo.order.client;

import static dev.ftgo.order.ReplicaFeeds.givenReplicatedConsumer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.order.StubService;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

/**
 * consumer-service registered but not listening; kitchen-service up, until its registration goes away.
 * Orders of consumers the local replica knows are validated with it instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceDownIT {

	private static final StubService KITCHEN = StubService.start(stub -> {
	});
	private static final int DEAD_PORT = unusedPort();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
		TestDatabase.register(registry, "order_service");
		TestKafka.register(registry);
		registry.add("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri",
				() -> "http://127.0.0.1:" + DEAD_PORT);
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri",
				() -> KITCHEN.uri().toString());
		registry.add("spring.cloud.loadbalancer.cache.enabled", () -> "false");
	}

	@AfterAll
	static void stopStub() {
		KITCHEN.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	SimpleDiscoveryProperties discovery;

	@Autowired
	JdbcTemplate jdbc;

	private ApiClient.Response placeOrder() {
		return placeOrderOf(UUID.randomUUID());
	}

	private ApiClient.Response placeOrderOf(UUID consumerId) {
		var restaurantId = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}"""
			.formatted(restaurantId));
		return new ApiClient(port).withToken(TestTokens.consumer(consumerId)).post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
			.formatted(consumerId, restaurantId));
	}

	@Test
	void aServiceThatRefusesConnectionsAnswers503() {
		var started = System.nanoTime();

		var response = placeOrder();

		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(response.json().get("service").asString()).isEqualTo("consumer-service");
		assertThat(response.json().get("detail").asString()).contains("could not be reached");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void anOrderOfAConsumerTheReplicaKnowsIsAcceptedWhileConsumerServiceIsDown() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");

		var response = placeOrderOf(consumerId);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
	}

	@Test
	void anOrderOverTheLimitTheReplicaKnowsIsRefusedWhileConsumerServiceIsDown() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "5.00");

		var response = placeOrderOf(consumerId);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("reason").asString()).isEqualTo("CONSUMER_REFUSED");
	}

	@Test
	void aServiceWithoutRegisteredInstancesAnswers503() {
		List<InstanceProperties> registered = discovery.getInstances().remove("kitchen-service");
		try {
			var response = placeOrder();

			assertThat(response.status()).as(response.toString()).isEqualTo(503);
			assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(response.json().get("service").asString()).isEqualTo("kitchen-service");
			assertThat(response.json().get("detail").asString()).contains("no instance");
		}
		finally {
			discovery.getInstances().put("kitchen-service", registered);
		}
	}

	private static int unusedPort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
