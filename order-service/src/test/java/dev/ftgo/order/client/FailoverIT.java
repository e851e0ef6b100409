package dev.ftgo.order.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.BrokenInstance;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A second, broken instance next to each stub, resolved per call by the load balancer (round robin) as Eureka's
 * list would be: one that refuses connections (stopped, still listed) or one that loses every answer (killed
 * while handling the request). The order validation is a POST without an idempotency key, the restaurant read
 * a GET.
 */
class FailoverIT extends WithStubbedServices {

	@Autowired
	SimpleDiscoveryProperties discovery;

	@Autowired
	CircuitBreakerRegistry breakers;

	private final List<Runnable> undo = new ArrayList<>();

	@BeforeEach
	void closeBreakers() {
		breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@AfterEach
	void removeBrokenInstances() {
		undo.forEach(Runnable::run);
		undo.clear();
	}

	private BrokenInstance listed(String service, BrokenInstance broken) {
		var instance = new InstanceProperties();
		instance.setServiceId(service);
		instance.setUri(broken.uri());
		var instances = discovery.getInstances().get(service);
		instances.add(instance);
		undo.add(() -> {
			instances.remove(instance);
			broken.close();
		});
		return broken;
	}

	private List<ApiClient.Response> placeOrders(int count) {
		var restaurant = givenRestaurant();
		var answers = new ArrayList<ApiClient.Response>();
		for (int i = 0; i < count; i++) {
			answers.add(postOrder(UUID.randomUUID(), restaurant));
		}
		return answers;
	}

	@Test
	void failsOverAnOrderValidationWhoseConnectionWasRefused() {
		listed("consumer-service", BrokenInstance.refusing());

		var answers = placeOrders(4);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(4);
		assertThat(breakers.circuitBreaker("consumer-service").getMetrics().getNumberOfFailedCalls())
			.as("a failed-over call costs the breaker nothing").isZero();
	}

	@Test
	void retriesARestaurantReadWhoseAnswerWasLostOnTheOtherInstance() {
		var losing = listed("kitchen-service", BrokenInstance.losingAnswers());

		var answers = placeOrders(4);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
		assertThat(losing.requests()).as("answers lost, then retried").isPositive();
	}

	@Test
	void neverSendsAnOrderValidationWhoseAnswerWasLostAgain() {
		var losing = listed("consumer-service", BrokenInstance.losingAnswers());

		var answers = placeOrders(2);

		assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(201, 503);
		assertThat(losing.requests()).isEqualTo(1);
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(1);
	}
}
