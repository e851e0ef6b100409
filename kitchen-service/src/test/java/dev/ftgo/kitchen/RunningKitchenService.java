package dev.ftgo.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;

/**
 * The whole service on a random port against its own database in the test JVM's embedded PostgreSQL.
 * Integration tests extend this so that they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningKitchenService {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "kitchen_service");
	}

	@LocalServerPort
	protected int port;

	protected ApiClient api() {
		return new ApiClient(port);
	}


	protected static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("detail")).isTrue();
	}

	protected static List<String> errorFields(ApiClient.Response response) {
		assertThat(response.json().has("errors")).as(response.toString()).isTrue();
		return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
