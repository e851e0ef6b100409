package dev.ftgo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ftgo.testsupport.ApiClient;

/**
 * Requests through the gateway that need discovery at both hops (gateway to service, order-service to
 * consumer-service): one round is a {@code POST /api/v1/orders} with an {@code Idempotency-Key}, then a GET of that
 * order and of its consumer. Remembers every failed request and the orders placed.
 */
final class DiscoveryTraffic {

	private static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";

	private final ApiClient consumer;
	private final String consumerId;
	private final List<String> orders = new ArrayList<>();
	private final List<String> failures = new ArrayList<>();
	private String restaurantId;
	private int requests;

	DiscoveryTraffic(ApiClient consumer, String consumerId) {
		this.consumer = consumer;
		this.consumerId = consumerId;
	}

	/** Where the orders are placed; set before the first round. */
	DiscoveryTraffic at(String restaurantId) {
		this.restaurantId = restaurantId;
		return this;
	}

	/** One round; {@code true} while no request has failed yet, this round's included. */
	synchronized boolean allAnswered() {
		var placed = consumer.post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": %s}""".formatted(consumerId, restaurantId, ONE_CURRY),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		if (expect(placed, 201, "POST /api/v1/orders")) {
			var orderId = placed.json().get("orderId").asString();
			orders.add(orderId);
			expect(consumer.get("/api/v1/orders/" + orderId), 200, "GET /api/v1/orders/" + orderId);
		}
		expect(consumer.get("/api/v1/consumers/" + consumerId), 200, "GET /api/v1/consumers/" + consumerId);
		return failures.isEmpty();
	}

	private boolean expect(ApiClient.Response response, int status, String request) {
		requests++;
		if (response.status() == status) {
			return true;
		}
		failures.add(request + " answered " + response);
		return false;
	}

	synchronized int requests() {
		return requests;
	}

	synchronized List<String> orders() {
		return new ArrayList<>(orders);
	}

	synchronized List<String> failures() {
		return new ArrayList<>(failures);
	}
}
