package dev.ftgo.kitchen.restaurant.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.ftgo.kitchen.RunningKitchenService;

import tools.jackson.databind.JsonNode;

/**
 * Restaurants as JSON, sent and read back over HTTP as an admin. Adds nothing to the running service's
 * configuration, so the test classes that extend it share its application context.
 */
abstract class RestaurantsOverHttp extends RunningKitchenService {

	static final String CURRY_JSON = """
			{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.5", "currency": "USD"}}""";
	static final String NAAN_JSON = """
			{"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}""";

	static String item(String id, String amount, String currency) {
		return """
				{"menuItemId": "%s", "name": "Dish %s", "price": {"amount": "%s", "currency": "%s"}}"""
				.formatted(id, id, amount, currency);
	}

	static String restaurant(String name, String... items) {
		return "{\"name\": \"" + name + "\", \"menu\": [" + String.join(", ", items) + "]}";
	}

	/** Creates the restaurant, which must succeed, and answers its id. */
	String create(String body) {
		var response = asAdmin().post("/api/v1/restaurants", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("restaurantId").asString();
	}

	JsonNode get(String id) {
		var response = asAdmin().get("/api/v1/restaurants/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static List<String> menuIds(JsonNode restaurant) {
		return restaurant.get("menu").valueStream().map(item -> item.get("menuItemId").asString()).toList();
	}
}
