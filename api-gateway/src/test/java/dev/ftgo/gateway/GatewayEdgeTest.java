package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gateway's own behaviour, with discovery switched off so no service is ever found. Routing to
 * real services through Eureka is proven by system-tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class GatewayEdgeTest {

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void answersUnknownPathsWithProblem404() throws Exception {
		var response = get("/no/such/thing");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"");
	}

	@Test
	void doesNotRouteToServiceActuators() throws Exception {
		assertThat(get("/consumer-service/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/actuator/health").statusCode()).isEqualTo(404);
	}

	@Test
	void answersWithProblem503WhenNoInstanceIsKnown() throws Exception {
		var response = get("/api/v1/consumers/8d3c8f3e-3f7e-4b44-9e1c-2a0a4b5f1a11");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503");
	}

	@Test
	void exposesItsOwnHealth() throws Exception {
		var response = get("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}
}
