package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.security.testapp.TestApplication;
import dev.ftgo.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library in a running servlet application, called over HTTP with real tokens verified through a JWK set URI.
 * Its tests share this one configuration, so they share one application.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class RunningResourceServer {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String token) {
		return get(port, path, token);
	}

	static HttpResponse<String> get(int port, String path, String token) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept", "application/json, application/problem+json")
				.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The body of a path anyone may read: 200 without a token. */
	JsonNode publicJson(String path) {
		var response = get(path, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return json(response);
	}

	/** A token the application refused as invalid: 401 with the bearer challenge's invalid_token, as a problem. */
	static void assertInvalidToken(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertUnauthorized(response);
	}

	/** 401 as a problem. */
	static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(assertProblem(response, 401, "Unauthorized").path("type").asString()).isEqualTo("about:blank");
	}

	/** 403 as the service's problem. */
	static void assertForbidden(HttpResponse<String> response) {
		assertProblem(response, 403, "Forbidden");
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String title) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		var problem = json(response);
		assertThat(problem.path("title").asString()).isEqualTo(title);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}
}
