package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's circuit breakers, one per route, as its Prometheus scrape shows them (open to anyone, like
 * the rest of the gateway's own actuator). A breaker exists once its route was first called.
 */
final class EdgeBreakers {

	private static final List<String> ROUTES = List.of("consumer-service", "order-service", "kitchen-service");

	private final HttpClient http = HttpClient.newHttpClient();
	private final URI scrape;

	EdgeBreakers(int gatewayPort) {
		this.scrape = URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/prometheus");
	}

	/** Whether the breaker of every route is closed: a half-open one still refuses all but a few calls. */
	boolean allClosed() {
		var lines = scrape().lines().filter(line -> line.startsWith("resilience4j_circuitbreaker_state{")).toList();
		return ROUTES.stream().allMatch(route -> lines.stream().anyMatch(line -> line.contains("name=\"" + route + "\"")
				&& line.contains("state=\"closed\"") && line.endsWith(" 1.0")));
	}

	private String scrape() {
		try {
			return http.send(HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
