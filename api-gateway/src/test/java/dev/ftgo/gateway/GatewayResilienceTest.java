package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static dev.ftgo.gateway.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.testsupport.TestTokens;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * The edge's guards against a real HTTP server standing in for consumer-service, found through
 * Spring Cloud's simple discovery client (the same {@code lb://} path Eureka feeds in production).
 */
class GatewayResilienceTest extends StubbedServicesTestBase {

	@Autowired
	BulkheadRegistry bulkheads;

	private HttpRequest.Builder to(String path) {
		return as(TestTokens.admin(), path);
	}

	@Test
	void routesToTheDiscoveredInstance() throws Exception {
		var response = send(to("/api/v1/consumers/42"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"ok\"");
		assertThat(consumerService.calls()).isEqualTo(1);
	}

	@Test
	void passesTheCallersTraceOnToTheServiceFromItsOwnSpan() throws Exception {
		var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		var callersSpan = "00f067aa0ba902b7";

		var response = send(to("/api/v1/consumers/42").header("traceparent", "00-" + traceId + "-" + callersSpan + "-01"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(consumerService.lastTraceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callersSpan);
	}

	@Test
	void startsATraceForACallerWithoutOne() throws Exception {
		send(to("/api/v1/consumers/42"));

		assertThat(consumerService.lastTraceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
	}

	@Test
	void exposesHttpResilienceAndJvmMetricsToPrometheus() throws Exception {
		send(to("/api/v1/consumers/42"));

		var scrape = send(to("/actuator/prometheus"));

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("http_server_requests_seconds_bucket{", "jvm_memory_used_bytes{",
				"spring_cloud_gateway_requests_seconds_count{", "http_client_requests_seconds_count{")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"consumer-service\",state=\"closed\"} 1.0");
	}

	@Test
	void retriesGetsOnServerErrors() throws Exception {
		consumerService.willAnswer(new StubService.Answer(500, "{}"), new StubService.Answer(502, "{}"));

		var response = send(to("/api/v1/consumers/42"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(consumerService.calls()).isEqualTo(3);
	}

	@Test
	void neverRetriesPosts() throws Exception {
		consumerService.willAnswer(new StubService.Answer(500, "{\"status\": 500}"));

		var response = send(to("/api/v1/consumers").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(consumerService.calls()).isEqualTo(1);
	}

	@Test
	void refusesBodiesOverTheLimitBeforeCallingTheService() throws Exception {
		var body = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";

		var response = send(to("/api/v1/consumers").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertProblem(response, 413);
		assertThat(consumerService.calls()).isZero();
	}

	@Test
	void cutsOffChunkedBodiesAtTheLimit() throws Exception {
		var bytes = ("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();

		var response = send(to("/api/v1/consumers").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));

		assertThat(response.statusCode()).isIn(413, 503);
		assertThat(consumerService.lastBodyBytes()).isLessThan(bytes.length);
	}

	@Test
	void refusesBodiesThatAreNotJson() throws Exception {
		var response = send(to("/api/v1/consumers").header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("name=Ada")));

		assertProblem(response, 415);
		assertThat(response.body()).contains("text/plain");
		assertThat(consumerService.calls()).isZero();
	}

	@Test
	void acceptsJsonWithCharsetAndEmptyCommandPosts() throws Exception {
		var withCharset = send(to("/api/v1/consumers").header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
		var noBody = send(to("/api/v1/consumers/42/suspend").POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(withCharset.statusCode()).isEqualTo(200);
		assertThat(noBody.statusCode()).isEqualTo(200);
	}

	@Test
	void opensTheBreakerAndAnswers503WithRetryAfterWithoutCallingTheService() throws Exception {
		var breaker = breakers.circuitBreaker("consumer-service");
		breaker.transitionToOpenState();

		var response = send(to("/api/v1/consumers/42"));

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertUnavailable(response, "5", "circuit open");
		assertThat(consumerService.calls()).isZero();
	}

	@Test
	void letsABurstOfSlowCallsThroughToOneService() throws Exception {
		// more than Resilience4j's default bulkhead (25 calls at once), which answered 503 to bursts of orders,
		// and within the edge's initial concurrency limit (40), which only a measured slowdown lowers
		int inFlight = 30;
		consumerService.willAnswer(IntStream.range(0, inFlight).mapToObj(i -> StubService.Answer.hang())
			.toArray(StubService.Answer[]::new));

		var answers = IntStream.range(0, inFlight).mapToObj(i -> sendAsync(to("/api/v1/consumers/" + i))).toList();
		await().atMost(Duration.ofSeconds(15)).until(() -> consumerService.calls() == inFlight);
		consumerService.release();

		assertThat(answers).allSatisfy(answer -> assertThat(answer.get().statusCode()).isEqualTo(200));
	}

	@Test
	void answers503NamingTheBulkheadWhenAServiceHasTooManyCallsInFlight() throws Exception {
		var bulkhead = bulkheads.bulkhead("consumer-service");
		int permits = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
		for (int i = 0; i < permits; i++) {
			assertThat(bulkhead.tryAcquirePermission()).isTrue();
		}
		try {
			var response = send(to("/api/v1/consumers/42"));

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(response.body()).contains("consumer-service already has as many requests in flight");
			assertThat(consumerService.calls()).isZero();
		}
		finally {
			for (int i = 0; i < permits; i++) {
				bulkhead.onComplete();
			}
		}
	}

	@Test
	void fallbackIsNotAPublicEndpoint() throws Exception {
		assertThat(send(to("/fallback/consumer-service")).statusCode()).isEqualTo(404);
	}

	@Test
	void servesTheSwaggerUiListingEveryServiceDocument() throws Exception {
		var config = send(to("/v3/api-docs/swagger-config"));
		var ui = send(to("/swagger-ui.html"));

		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("/api-docs/consumer-service", "/api-docs/order-service",
				"/api-docs/kitchen-service");
		assertThat(ui.statusCode()).isIn(200, 302);
	}

	@Test
	void routesEachServiceDocumentToThatService() throws Exception {
		var document = send(to("/api-docs/consumer-service"));

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(consumerService.calls()).isEqualTo(1);
		assertThat(consumerService.lastPath()).isEqualTo("/v3/api-docs");
	}

	@Test
	void refusesOverlongRequestTargetsWithAProblem() throws Exception {
		var response = send(to("/api/v1/consumers/" + "a".repeat(5000)));

		assertProblem(response, 414);
		assertThat(consumerService.calls()).isZero();
	}
}
