package dev.ftgo.order.client;

import static dev.ftgo.order.ReplicaFeeds.givenReplicatedConsumer;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.order.Concurrently;
import dev.ftgo.order.StubService.Reply;
import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Timeouts, breaker, bulkhead and retries around the calls to consumer-service and kitchen-service,
 * against stubs that misbehave on purpose. The settings are tightened so each behaviour shows after
 * a few calls; every test starts with closed breakers. The orders come from consumers the local replica
 * does not know, so an unavailable consumer-service still means 503; the tests at the end show the
 * replica standing in for it.
 */
@TestPropertySource(properties = {
		"ftgo.order.clients.consumer-service.read-timeout=3s",
		"ftgo.order.clients.kitchen-service.read-timeout=1s",
		"resilience4j.circuitbreaker.instances.consumer-service.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.consumer-service.minimum-number-of-calls=4",
		"resilience4j.circuitbreaker.instances.consumer-service.wait-duration-in-open-state=60s",
		"resilience4j.circuitbreaker.instances.kitchen-service.minimum-number-of-calls=100",
		"resilience4j.bulkhead.instances.consumer-service.max-concurrent-calls=2" })
class ResilienceIT extends WithStubbedServices {

	private static final Duration HOLD = Duration.ofSeconds(20);

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void closeBreakers() {
		breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	private ApiClient.Response placeOrder() {
		return placeOrderOf(UUID.randomUUID());
	}

	private ApiClient.Response placeOrderOf(UUID consumerId) {
		return postOrder(consumerId, givenRestaurant());
	}

	/**
	 * Fills consumer-service's bulkhead (two calls) with placements whose validations it holds, runs {@code whileFull},
	 * then lets them go; their answers.
	 */
	private List<ApiClient.Response> withTheBulkheadFull(Runnable whileFull) {
		holdValidations(HOLD);
		return Concurrently.call(2, this::placeOrder, () -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> CONSUMERS.calls("POST", VALIDATIONS) == 2);
			whileFull.run();
			CONSUMERS.releaseHeld();
		});
	}

	private static void assertUnavailable(ApiClient.Response response, String service) {
		assertProblem(response, 503);
		assertThat(response.json().get("service").asString()).isEqualTo(service);
		assertThat(response.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
	}

	@Test
	void aSlowConsumerServiceAnswers503WithRetryAfterOnceTheReadTimeoutPasses() {
		holdValidations(HOLD);
		var started = System.nanoTime();

		var response = placeOrder();

		var elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertUnavailable(response, "consumer-service");
		assertThat(response.json().get("detail").asString()).contains("did not answer in time");
		assertThat(elapsed).as("bounded by the 3 s read timeout, not by the stub's 20 s").isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void theBreakerOpensAfterFailuresAndThenAnswersWithoutCallingTheService() {
		CONSUMERS.on("POST", VALIDATIONS, 500, "{\"title\": \"boom\"}");
		for (int i = 0; i < 4; i++) {
			assertUnavailable(placeOrder(), "consumer-service");
		}
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(4);
		assertThat(breakers.circuitBreaker("consumer-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

		var shortCircuited = placeOrder();

		assertUnavailable(shortCircuited, "consumer-service");
		assertThat(shortCircuited.json().get("detail").asString()).contains("circuit breaker is open");
		assertThat(shortCircuited.header("Retry-After")).isEqualTo("60");
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(4);
	}

	@Test
	void anOpenBreakerShowsOnTheActuatorButDoesNotMakeTheServiceUnready() {
		CONSUMERS.on("POST", VALIDATIONS, 500, "{}");
		for (int i = 0; i < 4; i++) {
			placeOrder();
		}

		var breakerView = api().get("/actuator/circuitbreakers");
		var health = api().get("/actuator/health");
		var stateMetric = api().get("/actuator/metrics/resilience4j.circuitbreaker.state"
				+ "?tag=name:consumer-service&tag=state:open");
		var readiness = api().get("/actuator/health/readiness");

		assertThat(breakerView.status()).isEqualTo(200);
		assertThat(breakerView.json().at("/circuitBreakers/consumer-service/state").asString()).isEqualTo("OPEN");
		assertThat(breakerView.json().at("/circuitBreakers/kitchen-service/state").asString()).isEqualTo("CLOSED");
		assertThat(api().get("/actuator/circuitbreakerevents/consumer-service").raw().body()).contains("ERROR");
		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().at("/components/circuitBreakers/details/consumer-service/state").asString())
			.isEqualTo("OPEN");
		assertThat(stateMetric.json().at("/measurements/0/value").asDouble()).isEqualTo(1.0);
		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void answersFromTheServiceThatAreClientErrorsDoNotCountAsFailures() {
		CONSUMERS.on("POST", VALIDATIONS, 404, "{\"title\": \"Consumer not found\", \"status\": 404}");

		for (int i = 0; i < 6; i++) {
			assertProblem(placeOrder(), 422);
		}

		var breaker = breakers.circuitBreaker("consumer-service");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(6);
	}

	@Test
	void aFullBulkheadAnswers503AtOnceWithoutCallingTheService() {
		var held = withTheBulkheadFull(() -> {
			var rejected = placeOrder();

			assertUnavailable(rejected, "consumer-service");
			assertThat(rejected.json().get("detail").asString()).contains("too many calls");
			assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(2);
		});

		assertThat(held).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 503));
		// the bulkhead sits inside the breaker, and a call it turned away is no failure of the service
		assertThat(breakers.circuitBreaker("consumer-service").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void retriesTheRestaurantLookupOnServerErrors() {
		var restaurantId = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 500, "{\"title\": \"boom\"}");

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertUnavailable(response, "kitchen-service");
		assertThat(KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId)).isEqualTo(3);
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isZero();
		// the retry wraps the breaker, so the breaker saw every attempt, not just the last
		assertThat(breakers.circuitBreaker("kitchen-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
	}

	@Test
	void anOpenBreakerStopsTheRetriesToo() {
		var restaurantId = givenRestaurant();
		breakers.circuitBreaker("kitchen-service").transitionToOpenState();

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertUnavailable(response, "kitchen-service");
		assertThat(response.json().get("detail").asString()).contains("circuit breaker is open");
		assertThat(KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId)).isZero();
	}

	@Test
	void aRetryGetsThroughWhenTheKitchenRecovers() {
		var restaurantId = UUID.randomUUID();
		var path = "/api/v1/restaurants/" + restaurantId;
		var attempts = new AtomicInteger();
		KITCHEN.on("GET", path, request -> attempts.incrementAndGet() == 1 ? Reply.json(503, "{}")
				: Reply.json(200, """
						{"restaurantId": "%s", "name": "Curry House", "open": true,
						 "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
						          {"menuItemId": "m2", "name": "Naan", "price": {"amount": "2.25", "currency": "USD"}}]}"""
					.formatted(restaurantId)));

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(KITCHEN.calls("GET", path)).isEqualTo(2);
	}

	@Test
	void neverRetriesTheOrderValidation() {
		CONSUMERS.on("POST", VALIDATIONS, 503, "{}");

		assertUnavailable(placeOrder(), "consumer-service");

		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(1);
	}

	@Test
	void doesNotRetryASlowKitchen() {
		var restaurantId = UUID.randomUUID();
		var path = "/api/v1/restaurants/" + restaurantId;
		KITCHEN.on("GET", path, KITCHEN.held(HOLD, Reply.json(200, "{}")));

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertUnavailable(response, "kitchen-service");
		assertThat(KITCHEN.calls("GET", path)).isEqualTo(1);
	}

	@Test
	void aSlowConsumerServiceIsStoodInForByTheReplicaOnceTheReadTimeoutPasses() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		holdValidations(HOLD);

		var response = placeOrderOf(consumerId);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(1);
	}

	@Test
	void anOpenBreakerToConsumerServiceSendsTheValidationToTheReplicaWithoutCallingTheService() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		breakers.circuitBreaker("consumer-service").transitionToOpenState();

		var response = placeOrderOf(consumerId);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isZero();
		assertThat(placeOrderOf(givenReplicatedConsumer(jdbc, "SUSPENDED", "500.00")).status()).isEqualTo(422);
		assertUnavailable(placeOrder(), "consumer-service");
	}

	@Test
	void aFullBulkheadSendsTheValidationToTheReplica() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		withTheBulkheadFull(() -> {
			var response = placeOrderOf(consumerId);

			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(2);
		});
	}

	@Test
	void anUnknownRestaurantIsNotRetried() {
		var restaurantId = UUID.randomUUID();

		assertProblem(postOrder(UUID.randomUUID(), restaurantId), 422);

		assertThat(KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId)).isEqualTo(1);
	}
}
