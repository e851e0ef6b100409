package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

/**
 * Placing orders through the gateway with registry, all three services and PostgreSQL running as
 * real processes ({@link EdgeStack}): pricing by kitchen-service, validation by consumer-service, each found in Eureka,
 * and what a client sees when consumer-service dies and comes back. Without Kafka order-service knows
 * no consumer or restaurant of its own, so every order calls both services, with the consumer's token
 * relayed: the validation call is allowed only because it speaks for that consumer.
 */
@ExtendWith(EdgeStack.class)
@Order(EdgeStack.FIRST + 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderPlacementIT {

	private static Stack stack;
	private static Fixtures fixtures;

	@BeforeAll
	static void useTheEdgeStack(Stack edge) {
		stack = edge;
		fixtures = new Fixtures(stack);
	}

	@Test
	@Order(1)
	void placesAnOrderPricedFromTheMenu() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();

		var placed = fixtures.placeOrder(consumerId, restaurantId,
				"[{\"menuItemId\": \"m1\", \"quantity\": 2}, {\"menuItemId\": \"m2\", \"quantity\": 1}]");

		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertThat(placed.json().get("state").asString()).isEqualTo("APPROVAL_PENDING");
		var orderId = placed.json().get("orderId").asString();
		assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);

		var order = fixtures.asConsumer(consumerId).get("/api/v1/orders/" + orderId).json();
		assertThat(order.at("/orderTotal/amount").asString()).isEqualTo("28.00");
		assertThat(order.at("/orderTotal/currency").asString()).isEqualTo("USD");
		assertThat(order.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
		assertThat(order.get("consumerId").asString()).isEqualTo(consumerId);
		assertThat(order.get("ticketId").isNull()).isTrue();
	}

	@Test
	@Order(2)
	void refusesEveryBadOrderWithAProblem() {
		var consumerId = fixtures.consumer("20.00");
		var restaurantId = fixtures.restaurant();
		var oneCurry = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";

		assertProblem(fixtures.placeOrder(consumerId, UUID.randomUUID().toString(), oneCurry), 422);
		assertProblem(fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m9\", \"quantity\": 1}]"), 422);
		assertProblem(fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 0}]"), 422);
		assertProblem(fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 2}]"), 422);
		// a consumer consumer-service never heard of, with a valid token of its own
		assertProblem(fixtures.placeOrder(UUID.randomUUID().toString(), restaurantId, oneCurry), 422);
		var consumer = fixtures.asConsumer(consumerId);
		assertProblem(fixtures.placeOrder(consumer, "not-a-uuid", restaurantId, oneCurry), 400);
		assertProblem(consumer.post("/api/v1/orders", "{\"consumerId\": "), 400);
		// an order for someone else: refused before anything is priced
		assertProblem(fixtures.placeOrder(consumer, fixtures.consumer("20.00"), restaurantId, oneCurry), 403);

		assertThat(fixtures.asAdmin().post("/api/v1/consumers/" + consumerId + "/suspend", null).status()).isEqualTo(200);
		assertProblem(fixtures.placeOrder(consumerId, restaurantId, oneCurry), 422);

		assertThat(consumer.get("/api/v1/orders?consumerId=" + consumerId).json().get("totalElements").asInt()).isZero();
	}

	/**
	 * consumer-service killed: the gateway answers for its own API with a 503 problem (no instance to route to),
	 * order-service answers placements with a 503 problem and {@code Retry-After} until its breaker opens and
	 * then at once; once consumer-service is started again both recover, with no other process restarted.
	 */
	@Test
	@Order(3)
	void answers503WhileConsumerServiceIsDownAndRecoversWithoutAnyOtherRestart() {
		var consumerId = fixtures.consumer("100.00");
		var restaurantId = fixtures.restaurant();
		var oneCurry = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";
		var admin = fixtures.asAdmin();

		stack.kill(Component.CONSUMER_SERVICE);

		var latenciesMs = new ArrayList<Long>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			long start = System.nanoTime();
			var response = fixtures.placeOrder(consumerId, restaurantId, oneCurry);
			latenciesMs.add((System.nanoTime() - start) / 1_000_000);
			assertProblem(response, 503);
			assertThat(response.header("Retry-After")).isNotBlank();
			return breakerState().equals("OPEN");
		});
		var whileOpen = new ArrayList<Long>();
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			assertProblem(fixtures.placeOrder(consumerId, restaurantId, oneCurry), 503);
			whileOpen.add((System.nanoTime() - start) / 1_000_000);
		}
		System.out.printf("[figures] POST /orders with consumer-service down: until breaker open %s ms; breaker open %s ms%n",
				latenciesMs, whileOpen);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertProblem(admin.get("/api/v1/consumers/" + consumerId), 503));

		stack.start(Component.CONSUMER_SERVICE);

		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
				.until(() -> fixtures.placeOrder(consumerId, restaurantId, oneCurry).status() == 201);
		assertThat(breakerState()).isIn("CLOSED", "HALF_OPEN");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.post("/api/v1/consumers", """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com"}""").status())
				.isEqualTo(201));
	}

	private static String breakerState() {
		var breakers = new ApiClient(stack.ports().order()).get("/actuator/circuitbreakers").json();
		return breakers.at("/circuitBreakers/consumer-service/state").asString();
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
