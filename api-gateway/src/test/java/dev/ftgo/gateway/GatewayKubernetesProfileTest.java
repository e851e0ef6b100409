package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.discovery.composite.reactive.ReactiveCompositeDiscoveryClient;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestTokens;

import com.netflix.discovery.EurekaClient;

/**
 * The gateway as k8s/ runs it: profile {@code kubernetes}, no registry, the routes' {@code lb://} names
 * resolved by the simple discovery client to plain host names. Only the profile switches Eureka off here;
 * a stub registry would count any Eureka call. consumer-service is moved to {@code localhost}, where a
 * stub listens, since no test can own the Service name {@code consumer-service}.
 */
@ActiveProfiles("kubernetes")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayKubernetesProfileTest {

	private static final StubService registry = new StubService();
	private static final StubService consumerService = new StubService();

	@DynamicPropertySource
	static void discovery(DynamicPropertyRegistry properties) {
		properties.add("eureka.client.service-url.defaultZone", () -> "http://127.0.0.1:" + registry.port() + "/eureka/");
		properties.add("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri",
				() -> "http://localhost:" + consumerService.port());
		TestTokens.register(properties);
	}

	@AfterAll
	static void stopStubs() {
		registry.close();
		consumerService.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReactiveDiscoveryClient discovery;

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void routesToAServiceFoundByHostName() throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/consumers/42")).header("Authorization", "Bearer " + TestTokens.admin()).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(consumerService.lastPath()).isEqualTo("/api/v1/consumers/42");
	}

	@Test
	void runsWithoutAnyEurekaClient() {
		assertThat(context.getBeanNamesForType(EurekaClient.class)).isEmpty();
		assertThat(((ReactiveCompositeDiscoveryClient) discovery).getDiscoveryClients())
			.singleElement().isInstanceOf(SimpleReactiveDiscoveryClient.class);
		// a Eureka client fetches the registry while the context starts
		assertThat(registry.calls()).isZero();
	}

	@Test
	void resolvesTheOtherRoutesToTheirKubernetesServices() {
		assertThat(uri("order-service")).isEqualTo(URI.create("http://order-service:8082"));
		assertThat(uri("kitchen-service")).isEqualTo(URI.create("http://kitchen-service:8083"));
	}

	@Test
	void answersProbesWithoutDetails() throws Exception {
		var health = get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "discoveryComposite");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private URI uri(String service) {
		return discovery.getInstances(service).map(ServiceInstance::getUri).single().block();
	}
}
