package dev.ftgo.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestTokens;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One running gateway for every test that needs services behind it: a stub HTTP server for each of
 * the three services and the relay, found through Spring Cloud's simple discovery client (the same {@code lb://}
 * path Eureka feeds in production), and tokens from {@link TestTokens}. The classes extending this
 * share one Spring context; the stubs live as long as the test JVM, like that context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false",
				"resilience4j.circuitbreaker.instances.consumer-service.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.consumer-service.sliding-window-size=4",
				// a hanging part fails the composition's time limit, the application's own 2 s: a shorter one made a part
				// that merely answered slowly on a busy machine count as failed
				"resilience4j.circuitbreaker.instances.consumer-service.wait-duration-in-open-state=1h" })
abstract class StubbedServicesTestBase {

	static final StubService consumerService = new StubService();
	static final StubService orderService = new StubService();
	static final StubService kitchenService = new StubService();
	/** cdc-relay, which serves the admin API on dead letters. */
	static final StubService relay = new StubService();

	@DynamicPropertySource
	static void servicesAndTokens(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri",
				() -> "http://127.0.0.1:" + consumerService.port());
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
				() -> "http://127.0.0.1:" + orderService.port());
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri",
				() -> "http://127.0.0.1:" + kitchenService.port());
		registry.add("spring.cloud.discovery.client.simple.instances.cdc-relay[0].uri",
				() -> "http://127.0.0.1:" + relay.port());
		TestTokens.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;


	@BeforeEach
	void resetStubsAndBreakers() {
		for (var stub : new StubService[] { consumerService, orderService, kitchenService, relay }) {
			stub.willAnswer();
			stub.resetCalls();
		}
		breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
	}

	@AfterEach
	void releaseHangingCalls() {
		consumerService.release();
		orderService.release();
		kitchenService.release();
		relay.release();
	}

	/** One client for the whole test class, so that requests share kept-alive connections as real clients do. */
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * Sends over the class's shared, kept-alive connections, with a timeout: Reactor Netty 1.3.6
	 * (reactor/reactor-netty#4361) could stop reading a kept-alive connection and leave a request unanswered.
	 */
	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** As {@link #send}, without waiting for the answer. */
	CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
		return http.sendAsync(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request without a token. */
	HttpRequest.Builder anonymous(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	/** A request carrying {@code Authorization: Bearer <token>}. */
	HttpRequest.Builder as(String token, String path) {
		return anonymous(path).header("Authorization", "Bearer " + token);
	}
}
