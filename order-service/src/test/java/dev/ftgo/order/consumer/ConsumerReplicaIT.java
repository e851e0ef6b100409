package dev.ftgo.order.consumer;

import static dev.ftgo.order.ReplicaFeeds.awaitVersion;
import static dev.ftgo.order.ReplicaFeeds.consumerSnapshot;
import static dev.ftgo.order.ReplicaFeeds.givenReplicatedConsumer;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.order.Relay;
import dev.ftgo.order.WithStubbedServices;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * consumer.events feed the local replica; when consumer-service answers 503, order validation falls back
 * to it. (Down, breaker open, bulkhead full and slow: {@code ResilienceIT} and {@code ServiceDownIT}.)
 */
class ConsumerReplicaIT extends WithStubbedServices {

	@Autowired
	CircuitBreakerRegistry breakers;

	/** The 503s here must not open the breaker for the tests that share this context. */
	@AfterEach
	void closeBreakers() {
		breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	private Map<String, Object> replicated(UUID consumerId) {
		return jdbc.queryForMap("SELECT status, order_limit_amount::text AS order_limit, order_limit_currency, version"
				+ " FROM consumer_replica WHERE consumer_id = ?", consumerId);
	}

	private void consumerServiceIsUnavailable() {
		CONSUMERS.on("POST", VALIDATIONS, 503, "{\"title\": \"Service Unavailable\"}");
	}

	@Test
	void keepsTheHighestVersionOfEachConsumer() {
		var consumerId = UUID.randomUUID();

		consumerSnapshot(consumerId, "ConsumerSuspended", "SUSPENDED", "500.00", 2);
		awaitProcessed(consumerSnapshot(consumerId, "ConsumerRegistered", "ACTIVE", "500.00", 1));

		assertThat(replicated(consumerId)).containsEntry("status", "SUSPENDED").containsEntry("version", 2L);

		consumerSnapshot(consumerId, "ConsumerReactivated", "ACTIVE", "750.00", 3);
		awaitVersion(jdbc, "consumer_replica", "consumer_id", consumerId, 3);
		assertThat(replicated(consumerId)).containsEntry("status", "ACTIVE").containsEntry("order_limit", "750.00")
			.containsEntry("order_limit_currency", "USD");
	}

	@Test
	void theSameSnapshotDeliveredTwiceChangesNothingTheSecondTime() {
		var consumerId = UUID.randomUUID();
		var id = UUID.randomUUID();
		var json = """
				{"consumerId": "%s", "status": "ACTIVE", "orderLimit": {"amount": "500.00", "currency": "USD"}, "version": 1}"""
			.formatted(consumerId);

		Relay.publish("consumer.events", consumerId.toString(), id, "ConsumerRegistered", json);
		Relay.publish("consumer.events", consumerId.toString(), id, "ConsumerRegistered", json);
		awaitProcessed(consumerSnapshot(consumerId, "ConsumerSomethingNew", "ACTIVE", "1.00", 9));

		assertThat(replicated(consumerId)).containsEntry("version", 1L).containsEntry("order_limit", "500.00");
	}

	@Test
	void acceptsAnOrderThatTheReplicaApprovesWhenConsumerServiceIsUnavailable() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		consumerServiceIsUnavailable();

		var response = postOrder(consumerId, givenRestaurant());

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(1);
	}

	@Test
	void refusesWhatTheReplicaRefuses() {
		var suspended = givenReplicatedConsumer(jdbc, "SUSPENDED", "500.00");
		var poor = givenReplicatedConsumer(jdbc, "ACTIVE", "20.00");
		consumerServiceIsUnavailable();
		var restaurantId = givenRestaurant();

		var suspendedResponse = postOrder(suspended, restaurantId);
		var overLimit = postOrder(poor, restaurantId);

		assertProblem(suspendedResponse, 422);
		assertThat(suspendedResponse.json().get("reason").asString()).isEqualTo("CONSUMER_REFUSED");
		assertThat(suspendedResponse.json().get("detail").asString()).contains("suspended");
		assertProblem(overLimit, 422);
		assertThat(overLimit.json().get("detail").asString()).contains("exceeds the order limit of 20.00 USD");
	}

	@Test
	void aConsumerUnknownToTheReplicaIsStill503() {
		consumerServiceIsUnavailable();

		var response = postOrder(UUID.randomUUID(), givenRestaurant());

		assertProblem(response, 503);
		assertThat(response.json().get("service").asString()).isEqualTo("consumer-service");
	}

	@Test
	void consumerServiceStaysTheAuthorityWhenItAnswers() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Consumer is suspended\"}");

		assertProblem(postOrder(consumerId, givenRestaurant()), 422);
	}
}
