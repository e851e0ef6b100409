package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

/**
 * The gateway in front of the registry and the services as real processes (plus the real PostgreSQL and the
 * stack's identity), on free ports ({@link EdgeStack}): a request sent to the gateway reaches a service only
 * through what the service registered in Eureka, since the gateway is never told the service's port. Requests
 * carry an admin token unless a test says otherwise; the whole access table is {@link AccessMatrix}'s, on the
 * lifecycle stack, which runs every service. What the gateway answers while a service is down is
 * {@link OrderPlacementIT}'s last test, on this same stack.
 */
@ExtendWith(EdgeStack.class)
@Order(EdgeStack.FIRST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRoutingIT {

	private static Stack stack;
	private static ApiClient gateway;
	private static ApiClient anonymous;

	@BeforeAll
	static void useTheEdgeStack(Stack edge) {
		stack = edge;
		anonymous = new ApiClient(stack.ports().gateway());
		gateway = anonymous.withToken(stack.tokens().admin());
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

		// the consumer itself, with a token whose sub is the id the service just made up
		var read = anonymous.withToken(stack.tokens().consumer(UUID.fromString(id))).get(created.header("Location"));
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
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
	void answersUnroutedPathsAtTheEdgeWithAProblem() {
		var nowhere = anonymous.get("/unknown-things");
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.contentType()).startsWith("application/problem+json");
		assertThat(nowhere.json().get("status").asInt()).isEqualTo(404);

		// under /api/ an operation without an access rule is closed at the edge, even to an admin
		var unlisted = gateway.get("/api/v1/unknown-things");
		assertThat(unlisted.status()).as(unlisted.toString()).isEqualTo(403);
		assertThat(unlisted.contentType()).startsWith("application/problem+json");
		var unlistedWithoutToken = anonymous.get("/api/v1/unknown-things");
		assertThat(unlistedWithoutToken.status()).isEqualTo(401);
		assertThat(unlistedWithoutToken.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	@Order(4)
	void exposesItsOwnHealthButNoServiceActuator() {
		var own = gateway.get("/actuator/health");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("status").asString()).isEqualTo("UP");

		// the service itself does expose these, without a token, so a refusal here is the gateway's doing
		var serviceHealth = new ApiClient(stack.ports().consumer()).get("/actuator/health/liveness");
		assertThat(serviceHealth.status()).as(serviceHealth.toString()).isEqualTo(200);
		for (var path : new String[] { "/consumer-service/actuator/health", "/api/v1/consumers/actuator/health",
				"/api/v1/consumers/../../actuator/health", "/api/v1/consumers/..%2F..%2Factuator/health",
				"/api/v1/consumers/%2e%2e/%2e%2e/actuator/env" }) {
			// an admin token: what no access rule lists is refused (403) before any routing
			var response = gateway.get(path);
			assertThat(response.status()).as(path + " -> " + response).isIn(400, 403, 404);
			assertThat(response.raw().body()).as(path).doesNotContain("\"components\"").doesNotContain("propertySources");
		}
	}

	/**
	 * A client over its rate limit (the default: 50 requests/s in bursts of up to 100) is answered 429 with
	 * {@code Retry-After}, and no other client notices. Its requests are refused at the edge anyway (another
	 * consumer's data), since refused requests count too: the flood never reaches a service.
	 */
	@Test
	@Order(5)
	void slowsDownAClientOverItsRateLimitAndOnlyThatClient() throws Exception {
		var greedy = anonymous.withToken(stack.tokens().consumer(UUID.randomUUID()));
		var path = "/api/v1/consumers/" + UUID.randomUUID();
		var statuses = new ConcurrentHashMap<Integer, Integer>();
		var limited = new AtomicReference<ApiClient.Response>();
		var sent = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 8; i++) {
			pool.execute(() -> {
				while (limited.get() == null && sent.incrementAndGet() <= 5_000) {
					var response = greedy.get(path);
					statuses.merge(response.status(), 1, Integer::sum);
					if (response.status() == 429) {
						limited.compareAndSet(null, response);
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

		System.out.printf("[figures] one client flooding the gateway: %s after %d requests%n", statuses, sent.get());
		assertThat(limited.get()).as("a 429 among " + statuses).isNotNull();
		assertThat(statuses.keySet()).containsOnly(403, 429);
		var tooMany = limited.get();
		assertThat(tooMany.contentType()).startsWith("application/problem+json");
		assertThat(tooMany.json().get("status").asInt()).isEqualTo(429);
		assertThat(Long.parseLong(tooMany.header("Retry-After"))).isGreaterThanOrEqualTo(1);
		// the admin is another client, with a bucket of its own
		assertThat(gateway.get("/api/v1/consumers/" + UUID.randomUUID()).status()).isEqualTo(404);
	}
}
