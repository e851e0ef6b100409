package dev.ftgo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: sends exactly the bytes given and never throws on a 4xx. Without
 * {@link #withToken} it sends no {@code Authorization} header at all.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// a test must fail with a message, not hang, when a process stops answering
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;
	private final String baseUrl;
	private final String authorization;

	public ApiClient(int port) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port, null);
	}

	private ApiClient(HttpClient http, String baseUrl, String authorization) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	/** A client for the same server that sends {@code Authorization: Bearer <token>} on every request; this one is unchanged. */
	public ApiClient withToken(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("No token given; use withAuthorization(null) for requests without one");
		}
		return withAuthorization("Bearer " + token);
	}

	/**
	 * A client that sends this exact {@code Authorization} header value on every request (e.g. {@code "Basic ..."}
	 * or a malformed bearer), or none when {@code null}.
	 */
	public ApiClient withAuthorization(String headerValueOrNull) {
		return new ApiClient(http, baseUrl, headerValueOrNull);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
	}

	public Response post(String path, String json) {
		return post(path, json, "application/json");
	}

	public Response post(String path, String body, String contentType) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
				.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return send(request);
	}

	/** A JSON POST with extra request headers (e.g. {@code traceparent}, {@code Idempotency-Key}). */
	public Response post(String path, String json, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request);
	}

	public Response put(String path, String json) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json));
		return send(request);
	}

	private Response send(HttpRequest.Builder request) {
		// an Authorization header given for this one request wins over the client's
		if (authorization != null && request.copy().build().headers().firstValue("Authorization").isEmpty()) {
			request.header("Authorization", authorization);
		}
		try {
			var response = http.send(request.header("Accept", "application/json, application/problem+json").timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String contentType() {
			return raw.headers().firstValue("Content-Type").orElse("");
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(raw.body());
		}

		@Override
		public String toString() {
			return raw.statusCode() + " " + raw.body();
		}
	}
}
