package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.composite.CompositeDiscoveryClient;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

import com.netflix.discovery.EurekaClient;

/**
 * The service as k8s/ runs it: profile {@code kubernetes}, no registry. Nothing here switches Eureka off
 * but the profile itself (unlike {@link TestDatabase#register}, which the other tests use), and a stub
 * registry would record any Eureka call. The peers are found by plain host names through the simple
 * discovery client: in the cluster {@code consumer-service} and {@code kitchen-service}, here
 * {@code localhost}, where the stubs listen, since no test can own those DNS names.
 */
@DirtiesContext
@ActiveProfiles("kubernetes")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KubernetesProfileIT {

	private static final String DATABASE = "order_service";
	private static final String PROFILE_FILE = "application-kubernetes.yml";

	private static final StubService REGISTRY = StubService.start(stub -> {
	});
	private static final StubService KITCHEN = StubService.start(stub -> {
	});
	private static final StubService CONSUMERS = StubService.start(
			stub -> stub.on("POST", WithStubbedServices.VALIDATIONS, 200, "{\"approved\": true}"));

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
		String url = TestDatabase.jdbcUrl(DATABASE);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> DATABASE);
		registry.add("spring.datasource.password", () -> DATABASE);
		TestKafka.register(registry);
		registry.add("eureka.client.service-url.defaultZone", () -> REGISTRY.uri() + "/eureka/");
		registry.add("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri",
				() -> "http://localhost:" + CONSUMERS.uri().getPort());
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri",
				() -> "http://localhost:" + KITCHEN.uri().getPort());
	}

	@AfterAll
	static void stopStubs() {
		REGISTRY.close();
		KITCHEN.close();
		CONSUMERS.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	DiscoveryClient discovery;

	@Test
	void placesAnOrderWithPeersFoundByHostName() {
		var consumerId = UUID.randomUUID();
		var restaurantId = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}"""
			.formatted(restaurantId));

		var token = TestTokens.consumer(consumerId);
		var response = new ApiClient(port).withToken(token).post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2}]}"""
			.formatted(consumerId, restaurantId));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId)).isEqualTo(1);
		assertThat(CONSUMERS.calls("POST", "/api/v1/consumers/" + consumerId + "/order-validations")).isEqualTo(1);
		assertThat(CONSUMERS.received()).singleElement()
			.satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer " + token));
	}

	@Test
	void runsWithoutAnyEurekaClient() {
		assertThat(context.getBeanNamesForType(EurekaClient.class)).isEmpty();
		assertThat(((CompositeDiscoveryClient) discovery).getDiscoveryClients())
			.singleElement().isInstanceOf(SimpleDiscoveryClient.class);
		assertThat(discovery.getInstances("consumer-service")).singleElement()
			.satisfies(instance -> assertThat(instance.getUri()).hasHost("localhost").hasPort(CONSUMERS.uri().getPort()));
		// a Eureka client fetches the registry while the context starts
		assertThat(REGISTRY.received()).isEmpty();
	}

	/** What the tests above override: in the cluster, the peers are the Services of k8s/base. */
	@Test
	void namesThePeersByTheirKubernetesServices() {
		var profile = environment.getPropertySources().stream()
			.filter(source -> source.getName().contains(PROFILE_FILE))
			.findFirst()
			.orElseThrow(() -> new AssertionError(PROFILE_FILE + " was not loaded"));

		assertThat(profile.getProperty("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri"))
			.hasToString("http://consumer-service:8081");
		assertThat(profile.getProperty("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri"))
			.hasToString("http://kitchen-service:8083");
		assertThat(environment.getProperty("ftgo.order.clients.consumer-service.base-url"))
			.isEqualTo("http://consumer-service");
		assertThat(environment.getProperty("ftgo.order.clients.kitchen-service.base-url"))
			.isEqualTo("http://kitchen-service");
	}
}
