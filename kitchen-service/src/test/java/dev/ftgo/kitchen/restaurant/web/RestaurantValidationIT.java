package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static dev.ftgo.testsupport.ProblemResponses.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a restaurant over HTTP must hold, and the problem that names each field that does not. */
class RestaurantValidationIT extends RestaurantsOverHttp {

	@Test
	void requiresNameAndMenu() {
		var response = asAdmin().post("/api/v1/restaurants", "{}");

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "menu");
	}

	@Test
	void namesEveryInvalidField() {
		var response = asAdmin().post("/api/v1/restaurants", """
				{"name": " ", "menu": [
				  {"menuItemId": "", "name": null, "price": {"amount": "-5", "currency": "XYZ"}},
				  {"menuItemId": "m2", "name": "Naan"},
				  null]}""");

		assertProblem(response, 400);
		assertThat(errorFields(response)).contains("name", "menu[0].menuItemId", "menu[0].name",
				"menu[0].price.amount", "menu[0].price.currency", "menu[1].price", "menu[2]");
	}

	@Test
	void refusesDuplicateMenuItemIdsNamingTheDuplicate() {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", CURRY_JSON, NAAN_JSON, CURRY_JSON));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[2].menuItemId");
		assertThat(response.json().at("/errors/0/message").asString()).contains("unique").contains("menu[0]");
	}

	@Test
	void refusesMenusInMoreThanOneCurrency() {
		var response = asAdmin().post("/api/v1/restaurants",
				restaurant("Ajanta", CURRY_JSON, item("m2", "3.00", "EUR"), item("m3", "1.00", "USD")));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[1].price.currency");
		assertThat(response.json().at("/errors/0/message").asString()).contains("USD").contains("one currency");
	}

	@Test
	void refusesFreeMenuItems() {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", item("m1", "0.00", "USD")));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[0].price");
		assertThat(response.json().at("/errors/0/message").asString()).contains("greater than 0.00");
	}

	@Test
	void refusesEmptyAndOversizedMenus() {
		assertThat(errorFields(asAdmin().post("/api/v1/restaurants", restaurant("Ajanta")))).containsExactly("menu");

		var items501 = IntStream.range(0, 501).mapToObj(i -> item("m" + i, "1.00", "USD")).toArray(String[]::new);
		var tooMany = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", items501));
		assertProblem(tooMany, 400);
		assertThat(errorFields(tooMany)).containsExactly("menu");

		var items500 = IntStream.range(0, 500).mapToObj(i -> item("m" + i, "1.00", "USD")).toArray(String[]::new);
		var id = create(restaurant("Ajanta", items500));
		assertThat(get(id).get("menu").size()).isEqualTo(500);
	}

	@Test
	void refusesOverlongStrings() {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("x".repeat(201),
				item("m".repeat(65), "1.00", "USD"),
				"{\"menuItemId\": \"m2\", \"name\": \"" + "n".repeat(201) + "\", \"price\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "menu[0].menuItemId", "menu[1].name");
		assertThat(create(restaurant("x".repeat(200), item("m".repeat(64), "1.00", "USD")))).isNotBlank();
	}

	@Test
	void refusesAHugeBody() {
		var megabytes = "x".repeat(5_000_000);

		assertProblem(asAdmin().post("/api/v1/restaurants", restaurant(megabytes, CURRY_JSON)), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1.00", "1e3", "1.005", "9999999999999", "NaN", "12,50", " 1.00", "" })
	void refusesMalformedOrAbsurdAmounts(String amount) {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", item("m1", amount, "USD")));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[0].price.amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "{\"name\": [1]}",
			"{\"name\": \"Ajanta\", \"menu\": \"m1\"}", "{\"name\": \"Ajanta\", \"menu\": {\"menuItemId\": \"m1\"}}",
			"{\"name\": \"Ajanta\", \"menu\": [{\"menuItemId\": \"m1\", \"name\": \"Curry\", \"price\": \"12.50\"}]}",
			"{\"name\": \"Ajanta\", \"menu\": [{\"menuItemId\": \"m1\", \"name\": \"Curry\", \"price\": {\"amount\": {}}}]}" })
	void refusesMalformedBodies(String body) {
		assertProblem(asAdmin().post("/api/v1/restaurants", body), 400);
	}

	@Test
	void namesTheFieldOfTheWrongType() {
		var response = asAdmin().post("/api/v1/restaurants", "{\"name\": \"Ajanta\", \"menu\": [" + CURRY_JSON
				+ ", {\"menuItemId\": \"m2\", \"name\": \"Naan\", \"price\": {\"amount\": [3], \"currency\": \"USD\"}}]}");

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[1].price.amount");
	}

	@Test
	void refusesAMissingBodyAndOtherContentTypes() {
		assertProblem(asAdmin().post("/api/v1/restaurants", null), 400);
		assertProblem(asAdmin().post("/api/v1/restaurants", "name=Ajanta", "text/plain"), 415);
	}
}
