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
 * The data every order needs, created through the gateway like a client would (with an admin's token):
 * consumers whose order limit is well above one Curry, and one restaurant. Orders go round-robin over the
 * consumers, one Curry each, each sent with its consumer's own token.
 *
 * <p>The gateway limits each client, known by its token's subject (by default 50 requests/s, bursts of 100).
 * Spread over this many consumers, the bench's load stays far below every client's limit, so the figures
 * show the stack and not the limiter; the limiter still runs on every request, as it does in production.
 */
final class OrderFixtures implements Supplier<OrderFixtures.OrderRequest> {

	/** One {@code POST /api/v1/orders}: its body and the {@code Authorization} header of the consumer it names. */
	record OrderRequest(String body, String authorization) {
	}

	private static final int MIN_CONSUMERS = 32;
	/** Orders/s one consumer sends at most in the fixed-rate load: a fifth of the gateway's default limit. */
	private static final double MAX_RATE_PER_CONSUMER = 10;
	private static final int CREATE_ATTEMPTS = 5;
	private static final Pattern ID = Pattern.compile("\"(consumerId|restaurantId)\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final List<OrderRequest> requests = new ArrayList<>();
	private final AtomicLong next = new AtomicLong();

	private OrderFixtures(List<String> consumerIds, String restaurantId, BenchTokens tokens) {
		for (String consumerId : consumerIds) {
			requests.add(new OrderRequest("""
					{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
					.formatted(consumerId, restaurantId), "Bearer " + tokens.consumer(consumerId)));
		}
	}

	/** Enough consumers that neither the closed loops nor {@code fixedRate} orders/s bring one near its limit. */
	static OrderFixtures create(URI gateway, BenchTokens tokens, double fixedRate) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5)).build();
		String admin = "Bearer " + tokens.admin();
		int count = Math.max(MIN_CONSUMERS, (int) Math.ceil(fixedRate / MAX_RATE_PER_CONSUMER));
		List<String> consumers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			consumers.add(create(http, gateway.resolve("/api/v1/consumers"), admin, """
					{"name": {"firstName": "Bench", "lastName": "Client %d"}, "email": "bench%d@example.com",
					 "orderLimit": {"amount": "1000.00", "currency": "USD"}}""".formatted(i, i)));
		}
		String restaurant = create(http, gateway.resolve("/api/v1/restaurants"), admin, """
				{"name": "Bench Kitchen", "menu": [{"menuItemId": "m1", "name": "Curry",
				 "price": {"amount": "12.50", "currency": "USD"}}]}""");
		return new OrderFixtures(consumers, restaurant, tokens);
	}

	int consumers() {
		return requests.size();
	}

	@Override
	public OrderRequest get() {
		return requests.get((int) (next.getAndIncrement() % requests.size()));
	}

	/** Creates one resource; a 429 (the admin is one client too) is waited out as its Retry-After says. */
	private static String create(HttpClient http, URI uri, String authorization, String body) {
		try {
			for (int attempt = 1; ; attempt++) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json").header("Authorization", authorization)
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 429 && attempt < CREATE_ATTEMPTS) {
					Pause.millis(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
					continue;
				}
				Matcher id = ID.matcher(response.body());
				if (response.statusCode() != 201 || !id.find()) {
					throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
				}
				return id.group(2);
			}
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
