package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.ftgo.testsupport.TestTokens;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Load shedding at the edge: the requests in flight to a service are limited, and one over the limit is
 * refused at once, without reaching the service or counting against its breaker, and before its token is
 * verified. The limit is pinned here (minimum = initial = maximum) so that the test does not depend on
 * measured latencies.
 */
@TestPropertySource(properties = { "ftgo.gateway.concurrency-limit.initial-limit=3",
		"ftgo.gateway.concurrency-limit.min-limit=3", "ftgo.gateway.concurrency-limit.max-limit=3" })
class ConcurrencyLimitTest extends StubbedServicesTestBase {

	private static final int LIMIT = 3;

	/** The decoder Boot builds from the resource-server properties, watched to see which tokens were verified. */
	@MockitoSpyBean
	ReactiveJwtDecoder tokens;

	@Test
	void refusesARequestOverTheLimitAtOnceWithA503ProblemAndRetryAfter() throws Exception {
		var held = holdOrderServiceFull();

		var refused = send(asAdmin("/api/v1/orders/over-the-limit"));

		assertUnavailable(refused, "1", "order-service is at capacity");
		assertThat(orderService.calls()).isEqualTo(LIMIT);
		assertThat(breakers.circuitBreaker("order-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

		orderService.release();
		assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
		assertThat(send(asAdmin("/api/v1/orders/after-the-burst")).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesARequestToAFullServiceWithoutVerifyingItsToken() throws Exception {
		var held = holdOrderServiceFull();
		clearInvocations(tokens);

		var refused = send(as(TestTokens.consumer(UUID.randomUUID()), "/api/v1/orders")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertUnavailable(refused, "1", "order-service is at capacity");
		verify(tokens, never()).decode(anyString());

		orderService.release();
		assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
	}

	@Test
	void limitsEachServiceOnItsOwn() throws Exception {
		var held = holdOrderServiceFull();
		clearInvocations(tokens);

		var otherService = send(asAdmin("/api/v1/consumers/42"));

		assertThat(otherService.statusCode()).isEqualTo(200);
		verify(tokens).decode(anyString());
		orderService.release();
		assertThat(held).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
	}

	/** Not about the limit, but this context already watches the decoder: a token is verified once while valid. */
	@Test
	void verifiesATokenOnceForManyRequests() throws Exception {
		var token = TestTokens.admin();
		clearInvocations(tokens);

		for (int request = 0; request < 3; request++) {
			assertThat(send(as(token, "/api/v1/consumers/42")).statusCode()).isEqualTo(200);
		}
		var forged = TestTokens.signedByAnotherKey();
		for (int request = 0; request < 2; request++) {
			assertThat(send(as(forged, "/api/v1/consumers/42")).statusCode()).isEqualTo(401);
		}

		verify(tokens, times(1)).decode(token);
		verify(tokens, times(2)).decode(forged);
	}

	@Test
	void exportsTheLimitAndTheRefusalsPerRoute() throws Exception {
		send(asAdmin("/api/v1/consumers/42"));

		var scrape = send(asAdmin("/actuator/prometheus"));

		assertThat(scrape.body()).contains("ftgo_gateway_concurrency_limit{service=\"consumer-service\"} 3.0",
				"ftgo_gateway_concurrency_inflight{service=\"consumer-service\"}",
				"ftgo_gateway_concurrency_refused_total{service=\"consumer-service\"}");
	}

	/** Sends as many requests to order-service as its limit allows, which hang there until released. */
	private List<CompletableFuture<HttpResponse<String>>> holdOrderServiceFull() {
		orderService.willAnswer(IntStream.range(0, LIMIT).mapToObj(i -> StubService.Answer.hang())
			.toArray(StubService.Answer[]::new));
		var held = IntStream.range(0, LIMIT).mapToObj(i -> sendAsync(asAdmin("/api/v1/orders/" + i))).toList();
		await().atMost(Duration.ofSeconds(15)).until(() -> orderService.calls() == LIMIT);
		return held;
	}

	private HttpRequest.Builder asAdmin(String path) {
		return as(TestTokens.admin(), path);
	}
}
