package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Load shedding at the edge: the requests in flight to a service are limited, and one over the limit is
 * refused at once, without reaching the service or counting against its breaker. The limit is pinned here
 * (minimum = initial = maximum) so that the test does not depend on measured latencies.
 */
@TestPropertySource(properties = { "ftgo.gateway.concurrency-limit.initial-limit=3",
		"ftgo.gateway.concurrency-limit.min-limit=3", "ftgo.gateway.concurrency-limit.max-limit=3" })
class ConcurrencyLimitTest extends StubbedServicesTestBase {

	private static final int LIMIT = 3;

	@Test
	void refusesARequestOverTheLimitAtOnceWithA503ProblemAndRetryAfter() throws Exception {
		orderService.willAnswer(IntStream.range(0, LIMIT).mapToObj(i -> StubService.Answer.hang())
			.toArray(StubService.Answer[]::new));
		var held = IntStream.range(0, LIMIT).mapToObj(i -> sendAsync(asAdmin("/api/v1/orders/" + i))).toList();
		await().atMost(Duration.ofSeconds(15)).until(() -> orderService.calls() == LIMIT);

		var refused = send(asAdmin("/api/v1/orders/over-the-limit"));

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(refused.body()).contains("order-service is at capacity", "\"status\":503");
		assertThat(orderService.calls()).isEqualTo(LIMIT);
		assertThat(breakers.circuitBreaker("order-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

		orderService.release();
		assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
		assertThat(send(asAdmin("/api/v1/orders/after-the-burst")).statusCode()).isEqualTo(200);
	}

	@Test
	void limitsEachServiceOnItsOwn() throws Exception {
		orderService.willAnswer(IntStream.range(0, LIMIT).mapToObj(i -> StubService.Answer.hang())
			.toArray(StubService.Answer[]::new));
		var held = IntStream.range(0, LIMIT).mapToObj(i -> sendAsync(asAdmin("/api/v1/orders/" + i))).toList();
		await().atMost(Duration.ofSeconds(15)).until(() -> orderService.calls() == LIMIT);

		var otherService = send(asAdmin("/api/v1/consumers/42"));

		assertThat(otherService.statusCode()).isEqualTo(200);
		orderService.release();
		assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
	}

	@Test
	void exportsTheLimitAndTheRefusalsPerRoute() throws Exception {
		send(asAdmin("/api/v1/consumers/42"));

		var scrape = send(asAdmin("/actuator/prometheus"));

		assertThat(scrape.body()).contains("ftgo_gateway_concurrency_limit{service=\"consumer-service\"} 3.0",
				"ftgo_gateway_concurrency_inflight{service=\"consumer-service\"}",
				"ftgo_gateway_concurrency_refused_total{service=\"consumer-service\"}");
	}

	private java.net.http.HttpRequest.Builder asAdmin(String path) {
		return as(TestTokens.admin(), path);
	}
}
