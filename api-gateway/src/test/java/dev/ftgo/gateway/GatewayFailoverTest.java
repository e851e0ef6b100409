package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.BrokenInstance;
import dev.ftgo.testsupport.TestTokens;

import reactor.core.publisher.Mono;

/**
 * Two instances per service, one of them broken, resolved through the same {@code lb://} path Eureka feeds:
 * consumer-service's second instance refuses connections (a stopped process still listed), order-service's
 * loses every answer (a process killed while handling the request). Round robin alternates between the two:
 * of two consecutive requests that are not retried exactly one is sent to the broken instance, and a retry
 * goes to the instance after the one that failed.
 */
class GatewayFailoverTest extends StubbedServicesTestBase {

	private static final BrokenInstance refusing = BrokenInstance.refusing();
	private static final BrokenInstance losingAnswers = BrokenInstance.losingAnswers();

	@DynamicPropertySource
	static void brokenInstances(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.consumer-service[1].uri",
				() -> refusing.uri().toString());
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[1].uri",
				() -> losingAnswers.uri().toString());
	}

	@AfterAll
	static void closeBrokenInstances() {
		losingAnswers.close();
	}

	@Autowired
	private LoadBalancerClientFactory balancers;

	private int lostBefore;

	@BeforeEach
	void countLostAnswers() {
		lostBefore = losingAnswers.requests();
	}

	private HttpRequest.Builder post(String token, String path, String... headers) {
		var request = as(token, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ada\"}"));
		return headers.length == 0 ? request : request.headers(headers);
	}

	private HttpRequest.Builder placeOrder(String... headers) {
		return post(TestTokens.consumer(UUID.randomUUID()), "/api/v1/orders", headers);
	}

	private List<HttpResponse<String>> sendEach(int times, Supplier<HttpRequest.Builder> request)
			throws Exception {
		var answers = new ArrayList<HttpResponse<String>>();
		for (int i = 0; i < times; i++) {
			answers.add(send(request.get()));
		}
		return answers;
	}

	@Test
	void retriesAKeylessPostWhoseConnectionWasRefusedOnTheOtherInstance() throws Exception {
		var answers = sendEach(4, () -> post(TestTokens.admin(), "/api/v1/consumers"));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(consumerService.calls()).isEqualTo(4);
		assertThat(consumerService.lastMethod()).isEqualTo("POST");
	}

	@Test
	void sendsNothingMoreToAnInstanceThatRefusedAConnection() throws Exception {
		send(post(TestTokens.admin(), "/api/v1/consumers"));
		send(post(TestTokens.admin(), "/api/v1/consumers"));

		// of two requests in round robin one went to the refusing instance: from now on the load balancer only
		// hands out the other one, so the requests after it need no retry
		var balancer = balancers.getInstance("consumer-service");
		for (int i = 0; i < 4; i++) {
			var chosen = Mono.from(balancer.choose()).block(Duration.ofSeconds(5));
			assertThat(chosen.getServer().getPort()).isEqualTo(consumerService.port());
		}
	}

	@Test
	void retriesAGetWhoseAnswerWasLostOnTheOtherInstance() throws Exception {
		var answers = sendEach(4, () -> as(TestTokens.admin(), "/api/v1/orders/" + UUID.randomUUID()));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(orderService.calls()).isEqualTo(4);
		assertThat(losingAnswers.requests() - lostBefore).as("answers lost, then retried").isPositive();
	}

	@Test
	void retriesAPostWithAnIdempotencyKeyWhoseAnswerWasLostOnTheOtherInstance() throws Exception {
		var answers = sendEach(4, () -> placeOrder("Idempotency-Key", UUID.randomUUID().toString()));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
		assertThat(orderService.calls()).isEqualTo(4);
		assertThat(losingAnswers.requests() - lostBefore).as("answers lost, then retried").isPositive();
	}

	@Test
	void neverSendsAKeylessPostWhoseAnswerWasLostAgain() throws Exception {
		var answers = sendEach(2, () -> placeOrder());

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 503);
		assertThat(orderService.calls()).isEqualTo(1);
		assertThat(losingAnswers.requests() - lostBefore).isEqualTo(1);
	}
}
