package dev.ftgo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data every order needs, created through the gateway like a client would: a few consumers whose
 * order limit is well above one Curry, and one restaurant. Orders go round-robin over the consumers, one
 * Curry each.
 */
final class OrderFixtures implements Supplier<String> {

	private static final int CONSUMERS = 4;
	private static final Pattern ID = Pattern.compile("\"(consumerId|restaurantId)\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final List<String> bodies = new ArrayList<>();
	private final AtomicLong next = new AtomicLong();

	private OrderFixtures(List<String> consumerIds, String restaurantId) {
		for (String consumerId : consumerIds) {
			bodies.add("""
					{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
					.formatted(consumerId, restaurantId));
		}
	}

	static OrderFixtures create(URI gateway) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();
		List<String> consumers = new ArrayList<>();
		for (int i = 0; i < CONSUMERS; i++) {
			consumers.add(create(http, gateway.resolve("/api/v1/consumers"), """
					{"name": {"firstName": "Bench", "lastName": "Client %d"}, "email": "bench%d@example.com",
					 "orderLimit": {"amount": "1000.00", "currency": "USD"}}""".formatted(i, i)));
		}
		String restaurant = create(http, gateway.resolve("/api/v1/restaurants"), """
				{"name": "Bench Kitchen", "menu": [{"menuItemId": "m1", "name": "Curry",
				 "price": {"amount": "12.50", "currency": "USD"}}]}""");
		return new OrderFixtures(consumers, restaurant);
	}

	@Override
	public String get() {
		return bodies.get((int) (next.getAndIncrement() % bodies.size()));
	}

	private static String create(HttpClient http, URI uri, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(response.body());
			if (response.statusCode() != 201 || !id.find()) {
				throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
			}
			return id.group(2);
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not reach " + uri + ": " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
