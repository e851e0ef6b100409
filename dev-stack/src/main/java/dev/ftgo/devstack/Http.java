package dev.ftgo.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Short-timeout GETs for health checks: a hung endpoint must not stall the polling loop. */
final class Http {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(TIMEOUT)
			.build();

	private Http() {
	}

	static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** For endpoints that answer XML unless asked for JSON, such as Eureka's. */
	static HttpResponse<String> getJson(URI uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
