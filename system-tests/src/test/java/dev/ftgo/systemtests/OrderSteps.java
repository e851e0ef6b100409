package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import dev.ftgo.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * The steps of an order's life as its callers take them through the gateway, for the classes that follow orders on
 * the {@link SharedStack}: the consumer places, the restaurant's staff move the ticket, an admin watches.
 */
abstract class OrderSteps extends OnSharedStack {

	static final Duration FLOW = Duration.ofSeconds(60);
	static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";

	/** The body of {@code accept}: ready in half an hour. */
	static String readyBy() {
		return "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}";
	}

	static String placedOrder(String consumerId, String restaurantId) {
		var placed = fixtures.placeOrder(consumerId, restaurantId, ONE_CURRY);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.json().get("orderId").asString();
	}

	/** Waits until an admin reads the order in {@code state}, and returns what it read. */
	static JsonNode awaitState(String orderId, String state) {
		var last = new JsonNode[1];
		await().atMost(FLOW).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			last[0] = admin.get("/api/v1/orders/" + orderId).json();
			assertThat(last[0].get("state").asString()).as(last[0].toString()).isEqualTo(state);
		});
		return last[0];
	}

	static JsonNode ticketOf(String orderId) {
		var tickets = admin.get("/api/v1/tickets?orderId=" + orderId).json();
		assertThat(tickets.size()).as(tickets.toString()).isEqualTo(1);
		return tickets.get(0);
	}

	/** A ticket transition by {@code kitchen}, staff of the ticket's restaurant: nobody else may. */
	static void move(ApiClient kitchen, String ticketId, String transition, String body) {
		var response = kitchen.post("/api/v1/tickets/" + ticketId + "/" + transition, body);
		assertThat(response.status()).as(transition + ": " + response).isEqualTo(200);
	}
}
