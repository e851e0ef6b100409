package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

/**
 * The registry, consumer-service and the gateway as real processes (plus the real PostgreSQL), on
 * free ports: a request sent to the gateway reaches the service only through what the service
 * registered in Eureka, since the gateway is never told the service's port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRoutingIT {

	private static Stack stack;
	private static ApiClient gateway;

	@BeforeAll
	static void startStack() {
		stack = SystemStack.start("gateway-routing", Component.SERVICE_REGISTRY, Component.CONSUMER_SERVICE,
				Component.API_GATEWAY);
		gateway = new ApiClient(stack.ports().gateway());
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	@Order(1)
	void routesTheConsumerApiToTheServiceFoundInEureka() throws Exception {
		var registered = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create(stack.registryUri() + "/eureka/apps/CONSUMER-SERVICE"))
						.header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(registered.body()).contains("\"UP\"").contains(String.valueOf(stack.ports().consumer()));

		var created = gateway.post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var id = created.json().get("consumerId").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/consumers/" + id);

		var read = gateway.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().at("/name/firstName").asString()).isEqualTo("Ada");
		assertThat(read.json().at("/orderLimit/amount").asString()).isEqualTo("500.00");
	}

	@Test
	@Order(2)
	void passesTheServicesProblemDetailsThrough() {
		var invalid = gateway.post("/api/v1/consumers", "{\"name\": {\"firstName\": \"Ada\"}, \"email\": \"nope\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.contains("name.lastName", "email");

		var malformed = gateway.post("/api/v1/consumers", "{\"name\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		var unknown = gateway.get("/api/v1/consumers/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	@Order(3)
	void answersUnroutedPathsAtTheEdgeWithProblem404() {
		var response = gateway.get("/api/v1/unknown-things");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void exposesItsOwnHealthButNoServiceActuator() {
		var own = gateway.get("/actuator/health");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("status").asString()).isEqualTo("UP");

		// the service itself does expose these, so a 404 here is the gateway's doing
		var serviceHealth = new ApiClient(stack.ports().consumer()).get("/actuator/health/liveness");
		assertThat(serviceHealth.status()).as(serviceHealth.toString()).isEqualTo(200);
		for (var path : new String[] { "/consumer-service/actuator/health", "/api/v1/consumers/actuator/health",
				"/api/v1/consumers/../../actuator/health", "/api/v1/consumers/..%2F..%2Factuator/health",
				"/api/v1/consumers/%2e%2e/%2e%2e/actuator/env" }) {
			var response = gateway.get(path);
			assertThat(response.status()).as(path + " -> " + response).isIn(400, 404);
			assertThat(response.raw().body()).as(path).doesNotContain("\"components\"").doesNotContain("propertySources");
		}
	}

	@Test
	@Order(5)
	void answersProblem503WhileTheServiceIsDownAndRecoversAfterRestart() {
		stack.kill(Component.CONSUMER_SERVICE);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			var response = gateway.get("/api/v1/consumers/" + UUID.randomUUID());
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});

		stack.start(Component.CONSUMER_SERVICE);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(gateway.post("/api/v1/consumers", """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com"}""").status())
				.isEqualTo(201));
	}
}
