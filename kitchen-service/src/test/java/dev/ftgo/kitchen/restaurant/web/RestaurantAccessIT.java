package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.Caller;

/**
 * The roles table for restaurants, asked of the running service by every kind of caller: OWN_KITCHEN works at the
 * restaurant asked about, OTHER_KITCHEN at another one; consumers have no restaurant.
 */
class RestaurantAccessIT extends RunningKitchenService {

	private static final String MENU = """
			[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]""";

	@Autowired
	RestaurantService restaurants;

	private Restaurant restaurant() {
		return storedRestaurant(CURRY);
	}

	private ApiClient as(Caller who, Restaurant restaurant) {
		return as(who, restaurant.id().value(), UUID.randomUUID());
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 201", "OWN_KITCHEN, 403", "OTHER_KITCHEN, 403", "OWN_CONSUMER, 403", "OTHER_CONSUMER, 403",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void createRestaurant(Caller who, int status) {
		var response = as(who, restaurant()).post("/api/v1/restaurants", "{\"name\": \"Bombay\", \"menu\": " + MENU + "}");

		assertAnswer(response, status);
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 200", "OWN_KITCHEN, 200", "OTHER_KITCHEN, 200", "OWN_CONSUMER, 200", "OTHER_CONSUMER, 200",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void readRestaurant(Caller who, int status) {
		var restaurant = restaurant();

		var response = as(who, restaurant).get("/api/v1/restaurants/" + restaurant.id());

		assertAnswer(response, status);
		if (status == 200) {
			assertThat(response.json().at("/menu/0/name").asString()).isEqualTo("Curry");
		}
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 200", "OWN_KITCHEN, 200", "OTHER_KITCHEN, 403", "OWN_CONSUMER, 403", "OTHER_CONSUMER, 403",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void replaceMenu(Caller who, int status) {
		var restaurant = restaurant();

		var response = as(who, restaurant).put("/api/v1/restaurants/" + restaurant.id() + "/menu", """
				{"menu": [{"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]}""");

		assertAnswer(response, status);
		assertThat(restaurants.find(restaurant.id()).menuItem("m2").isPresent()).as("menu replaced")
				.isEqualTo(status == 200);
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 200", "OWN_KITCHEN, 200", "OTHER_KITCHEN, 403", "OWN_CONSUMER, 403", "OTHER_CONSUMER, 403",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void closeAndOpen(Caller who, int status) {
		var restaurant = restaurant();
		var caller = as(who, restaurant);

		assertAnswer(caller.post("/api/v1/restaurants/" + restaurant.id() + "/close", null), status);
		assertThat(restaurants.find(restaurant.id()).isOpen()).isEqualTo(status != 200);
		if (status != 200) {
			// closed all the same, so that opening it is a change this caller may or may not make
			restaurants.close(restaurant.id());
		}
		assertAnswer(caller.post("/api/v1/restaurants/" + restaurant.id() + "/open", null), status);
		assertThat(restaurants.find(restaurant.id()).isOpen()).isEqualTo(status == 200);
	}

	/** Forbidden before anything is loaded: for another restaurant's staff, it makes no difference whether it exists. */
	@ParameterizedTest
	@ValueSource(strings = { "/menu", "/close", "/open" })
	void forbidsAnotherKitchenEvenAnUnknownRestaurant(String change) {
		var unknown = "/api/v1/restaurants/" + RestaurantId.random() + change;
		var body = change.equals("/menu") ? "{\"menu\": " + MENU + "}" : null;

		assertProblem(change.equals("/menu") ? asKitchenOf(UUID.randomUUID()).put(unknown, body)
				: asKitchenOf(UUID.randomUUID()).post(unknown, body), 403);
		assertProblem(change.equals("/menu") ? asAdmin().put(unknown, body) : asAdmin().post(unknown, body), 404);
	}
}
