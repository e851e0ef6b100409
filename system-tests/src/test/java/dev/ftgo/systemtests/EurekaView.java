package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the registry lists for an application, read from its REST API ({@code GET /eureka/apps/{APP}}): the ids of
 * its instances (which end in {@code :port}) and their statuses.
 */
final class EurekaView {

	private static final Pattern INSTANCE_ID = Pattern.compile("\"instanceId\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** One application as listed; both empty when the registry knows none of its instances. */
	record Listed(List<String> instanceIds, List<String> statuses, String body) {

		boolean lists(int port) {
			return instanceIds.stream().anyMatch(id -> id.endsWith(":" + port));
		}
	}

	private final URI registry;

	EurekaView(URI registry) {
		this.registry = registry;
	}

	Listed app(String service) {
		var request = HttpRequest.newBuilder(registry.resolve("/eureka/apps/" + service.toUpperCase(Locale.ROOT)))
				.header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build();
		try {
			var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return new Listed(List.of(), List.of(), response.body());
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException("the registry answered " + response.statusCode() + ": " + response.body());
			}
			return new Listed(all(INSTANCE_ID, response.body()), all(STATUS, response.body()), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
