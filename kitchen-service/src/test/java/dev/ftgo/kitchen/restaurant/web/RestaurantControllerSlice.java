package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.kitchen.KitchenWebSlice;
import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.testsupport.TestTokens;

/**
 * The restaurant endpoints alone: validation, error mapping and who may call them, with {@link RestaurantService}
 * mocked. An admin may do everything, so requests are an admin's unless a test says otherwise.
 */
abstract class RestaurantControllerSlice extends KitchenWebSlice {

	static final String RESTAURANTS = "/api/v1/restaurants";

	static final String ADMIN = bearer(TestTokens.admin());

	static final String VALID_MENU = """
			[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
			 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3", "currency": "USD"}}]""";

	static final Menu THE_VALID_MENU = Menu.of(new MenuItem("m1", "Curry", Money.of("12.50", "USD")),
			new MenuItem("m2", "Naan", Money.of("3.00", "USD")));

	/** A JSON request as an admin. */
	MvcTestResult send(HttpMethod method, String path, String json) {
		return mvc.method(method).header(AUTHORIZATION, ADMIN)
				.uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	/** A request without a body as an admin. */
	MvcTestResult send(HttpMethod method, String path) {
		return mvc.method(method).header(AUTHORIZATION, ADMIN).uri(path).exchange();
	}

	static String creation(String menuJson) {
		return "{\"name\": \"Ajanta\", \"menu\": " + menuJson + "}";
	}

	static String replacement(String menuJson) {
		return "{\"menu\": " + menuJson + "}";
	}

	static String path(Object restaurantId, String suffix) {
		return RESTAURANTS + "/" + restaurantId + suffix;
	}

	static void assertNotFound(MvcTestResult result, RestaurantId id) {
		assertProblem(result, HttpStatus.NOT_FOUND, "Restaurant not found", "No restaurant with id " + id);
	}

	/** Menus that break a constraint, and the fields each problem names. */
	static Stream<Arguments> invalidMenus() {
		return Stream.of(
				Arguments.of("[]", new String[] { "menu" }),
				Arguments.of("[null]", new String[] { "menu[0]" }),
				Arguments.of("[{}]", new String[] { "menu[0].menuItemId", "menu[0].name", "menu[0].price" }),
				Arguments.of("""
						[{"menuItemId": " ", "name": "%s", "price": {"amount": "12.505", "currency": "usd"}}]"""
						.formatted("x".repeat(MenuItem.MAX_NAME_LENGTH + 1)),
						new String[] { "menu[0].menuItemId", "menu[0].name", "menu[0].price.amount", "menu[0].price.currency" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Water", "price": {"amount": "0.00", "currency": "USD"}}]""",
						new String[] { "menu[0].price" }),
				// the yen has no minor unit: 12.50 JPY could not be shown as integer minor units (orders v2)
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Ramen", "price": {"amount": "12.50", "currency": "JPY"}}]""",
						new String[] { "menu[0].price" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
						 {"menuItemId": "m1", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]""",
						new String[] { "menu[1].menuItemId" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
						 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "EUR"}}]""",
						new String[] { "menu[1].price.currency" }));
	}

	/** Bodies with a value of the wrong JSON type, and the field the problem names. */
	static Stream<Arguments> wronglyTypedMenus() {
		return Stream.of(
				Arguments.of("{\"menu\": \"curry\"}", "menu"),
				Arguments.of("{\"menu\": [\"curry\"]}", "menu[0]"),
				Arguments.of("{\"menu\": [{\"menuItemId\": \"m1\", \"price\": \"12.50 USD\"}]}", "menu[0].price"));
	}
}
