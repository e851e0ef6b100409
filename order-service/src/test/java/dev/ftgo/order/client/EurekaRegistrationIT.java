package dev.ftgo.order.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.order.StubService;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;

/**
 * The Eureka client must reach the registry at its plain URL. It asks the context for a
 * {@code RestClient.Builder}; were it handed the {@code @LoadBalanced} one, it would try to resolve
 * "127.0.0.1" as a service name and never register. The context is closed after the test, so it
 * deregisters from the stub instead of heartbeating at it for the rest of the run.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EurekaRegistrationIT {

	private static final StubService REGISTRY = StubService.start(stub -> stub
		.on("POST", "/eureka/apps/.*", 204, "")
		.on("PUT", "/eureka/apps/.*", 200, "")
		.on("GET", "/eureka/apps/.*", 200, """
				{"applications": {"versions__delta": "1", "apps__hashcode": "UP_0_", "application": []}}"""));

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "order_service");
		TestKafka.register(registry);
		registry.add("eureka.client.enabled", () -> "true");
		registry.add("eureka.client.service-url.defaultZone", () -> REGISTRY.uri() + "/eureka/");
	}

	@Test
	void registersWithTheRegistryAtItsPlainUrl() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(REGISTRY.calls("POST", "/eureka/apps/ORDER-SERVICE")).isPositive());
		assertThat(REGISTRY.received()).anySatisfy(request -> assertThat(request.body()).contains("order-service"));
	}
}
