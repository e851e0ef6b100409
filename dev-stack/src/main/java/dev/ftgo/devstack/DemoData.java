package dev.ftgo.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The consumer and restaurant the CLI creates through the gateway (with an admin token) so that the
 * printed demo tokens are good for real requests. Their ids are remembered in the run dir and reused
 * while the service still knows them; a failure is reported, never thrown: the stack runs on without them.
 */
public final class DemoData {

	static final String CONSUMER_NAME = "Ada Lovelace <ada@example.com>";
	static final String RESTAURANT_NAME = "Curry House";

	// the bodies of docs/http-api.md, as a client would send them
	static final String CONSUMER_BODY = """
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com", \
			"orderLimit": {"amount": "500.00", "currency": "USD"}}""";
	static final String RESTAURANT_BODY = """
			{"name": "Curry House", "menu": [\
			{"menuItemId": "m1", "name": "Chicken Curry", "price": {"amount": "12.50", "currency": "USD"}}, \
			{"menuItemId": "m2", "name": "Garlic Naan", "price": {"amount": "3.50", "currency": "USD"}}]}""";

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
	// the gateway may still be warming up its routes (load balancer cache, first JWK set fetch) just after it is ready
	private static final Duration RETRY_FOR = Duration.ofSeconds(15);
	private static final long RETRY_PAUSE_MILLIS = 1000;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final URI gateway;
	private final String adminToken;
	private final Path idsFile;

	public DemoData(URI gateway, String adminToken, Path idsFile) {
		this.gateway = gateway;
		this.adminToken = adminToken;
		this.idsFile = idsFile;
	}

	/** What exists after {@link #ensure()}: the ids that could be made sure of, and what went wrong otherwise. */
	public record Seeded(Optional<UUID> consumerId, Optional<UUID> restaurantId, List<String> problems) {
	}

	public Seeded ensure() {
		Properties ids = load();
		List<String> problems = new ArrayList<>();
		Optional<UUID> consumer = ensure(ids, "consumerId", "/api/v1/consumers", CONSUMER_BODY, problems);
		Optional<UUID> restaurant = ensure(ids, "restaurantId", "/api/v1/restaurants", RESTAURANT_BODY, problems);
		try {
			save(ids);
		} catch (UncheckedIOException e) {
			problems.add(e.getMessage() + ": " + e.getCause().getMessage() + " (the next start creates new demo data)");
		}
		return new Seeded(consumer, restaurant, List.copyOf(problems));
	}

	private Optional<UUID> ensure(Properties ids, String idField, String collection, String body, List<String> problems) {
		try {
			String remembered = ids.getProperty(idField);
			if (remembered != null && uuid(remembered).isPresent()) {
				HttpResponse<String> found = send(HttpRequest.newBuilder(gateway.resolve(collection + "/" + remembered)).GET());
				if (found.statusCode() == 200) {
					return Optional.of(UUID.fromString(remembered));
				}
				if (found.statusCode() != 404) {
					throw unexpected("GET " + collection + "/" + remembered, found);
				}
			}
			HttpResponse<String> created = send(HttpRequest.newBuilder(gateway.resolve(collection))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
			if (created.statusCode() != 201) {
				throw unexpected("POST " + collection, created);
			}
			UUID id = idIn(created.body(), idField).orElseThrow(() -> new IllegalStateException(
					"POST " + collection + " answered 201 without a " + idField + ": " + created.body()));
			ids.setProperty(idField, id.toString());
			return Optional.of(id);
		} catch (IOException | IllegalStateException e) {
			problems.add(e.getMessage());
			return Optional.empty();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			problems.add("Interrupted while creating the demo data");
			return Optional.empty();
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.header("Authorization", "Bearer " + adminToken)
				.header("Accept", "application/json, application/problem+json")
				.timeout(REQUEST_TIMEOUT).build();
		long deadline = System.nanoTime() + RETRY_FOR.toNanos();
		while (true) {
			try {
				HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
				if (!isTransient(response.statusCode()) || System.nanoTime() - deadline >= 0) {
					return response;
				}
			} catch (IOException e) {
				if (System.nanoTime() - deadline >= 0) {
					throw new IOException(built.method() + " " + built.uri() + " failed: " + e, e);
				}
			}
			Thread.sleep(RETRY_PAUSE_MILLIS);
		}
	}

	private static Optional<UUID> idIn(String json, String idField) {
		try {
			Object id = JSONObjectUtils.parse(json).get(idField);
			return id instanceof String text ? uuid(text) : Optional.empty();
		} catch (ParseException e) {
			return Optional.empty();
		}
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static boolean isTransient(int status) {
		return status == 502 || status == 503 || status == 504;
	}

	private static IllegalStateException unexpected(String request, HttpResponse<String> response) {
		String body = response.body().strip();
		return new IllegalStateException(request + " answered " + response.statusCode()
				+ (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)));
	}

	private Properties load() {
		Properties ids = new Properties();
		if (Files.isRegularFile(idsFile)) {
			try (InputStream in = Files.newInputStream(idsFile)) {
				ids.load(in);
			} catch (IOException | IllegalArgumentException e) {
				// unreadable means forgotten: new demo data is created and the file rewritten
				ids.clear();
			}
		}
		return ids;
	}

	private void save(Properties ids) {
		try {
			Files.createDirectories(idsFile.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(idsFile)) {
				ids.store(out, "demo data created by ./stack; delete this file to have new demo data created");
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Could not remember the demo data's ids in " + idsFile, e);
		}
	}
}
