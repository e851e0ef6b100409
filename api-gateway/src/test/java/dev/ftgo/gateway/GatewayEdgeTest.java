package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static dev.ftgo.gateway.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestTokens;

/**
 * The gateway's own behaviour, with discovery switched off so no service is ever found (a request
 * that gets through is answered 503). The rate limit is low here (bursts of 10, one request every two
 * seconds after that), so that a test can reach it however slow the machine is. Routing to real
 * services through Eureka is proven by system-tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "ftgo.gateway.rate-limit.burst=10",
				"ftgo.gateway.rate-limit.requests-per-second=0.5" })
class GatewayEdgeTest {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void answersUnknownPathsWithProblem404() throws Exception {
		var response = get("/no/such/thing");

		assertProblem(response, 404);
		assertThat(response.body()).contains("\"title\":\"Not Found\"");
	}

	@Test
	void doesNotRouteToServiceActuators() throws Exception {
		assertThat(get("/consumer-service/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/actuator/health").statusCode()).isEqualTo(401);
		// not an operation of the access table: closed at the edge even for an admin
		assertThat(get("/api/v1/actuator/health", TestTokens.admin()).statusCode()).isEqualTo(403);
	}

	@Test
	void answersWithProblem503WhenNoInstanceIsKnown() throws Exception {
		var response = get("/api/v1/consumers/8d3c8f3e-3f7e-4b44-9e1c-2a0a4b5f1a11", TestTokens.admin());

		assertProblem(response, 503);
	}

	@Test
	void exposesItsOwnHealth() throws Exception {
		var response = get("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void answersAnExpandedOrderWithProblem503WhenOrderServiceHasNoInstance() throws Exception {
		var response = get("/api/v1/orders/8d3c8f3e-3f7e-4b44-9e1c-2a0a4b5f1a11?expand=consumer", TestTokens.admin());

		assertUnavailable(response, "5", "order-service is not reachable right now.");
	}

	@Test
	void answers429WithRetryAfterOnceAClientUsedUpItsBurstAndLetsItBackInLater() throws Exception {
		var client = UUID.randomUUID();
		var token = TestTokens.consumer(client);
		var path = "/api/v1/consumers/" + client;

		var started = System.nanoTime();
		var answers = new ArrayList<HttpResponse<String>>();
		do {
			answers.add(get(path, token));
		}
		while (answers.get(answers.size() - 1).statusCode() != 429 && answers.size() < 50);
		var seconds = (System.nanoTime() - started) / 1e9;

		var limited = answers.get(answers.size() - 1);
		assertProblem(limited, 429);
		assertThat(answers.subList(0, answers.size() - 1)).allSatisfy(
				passed -> assertThat(passed.statusCode()).isEqualTo(503));
		// the burst, and what trickled in meanwhile
		assertThat(answers.size() - 1).isBetween(10, 10 + (int) Math.ceil(seconds * 0.5));
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2));
		assertThat(limited.body()).contains("\"title\":\"Too Many Requests\"",
				"the limit is 0.5 requests a second, in bursts of up to 10. Retry in ");

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get(path, token).statusCode() == 503);
	}

	@Test
	void limitsEachClientOnItsOwn() throws Exception {
		var busy = UUID.randomUUID();
		var busyToken = TestTokens.consumer(busy);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/v1/consumers/" + busy, busyToken).statusCode() == 429);

		var quiet = UUID.randomUUID();
		assertThat(get("/api/v1/consumers/" + quiet, TestTokens.consumer(quiet)).statusCode()).isEqualTo(503);
	}

	@Test
	void doesNotLimitWhatNeedsNoToken() throws Exception {
		for (int i = 0; i < 15; i++) {
			assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		}
	}
}
