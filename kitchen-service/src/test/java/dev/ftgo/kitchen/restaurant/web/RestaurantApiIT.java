package dev.ftgo.kitchen.restaurant.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.testsupport.OpenApiSnapshot;
import tools.jackson.databind.JsonNode;

class RestaurantApiIT extends RunningKitchenService {

	private static final String CURRY = """
			{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.5", "currency": "USD"}}""";
	private static final String NAAN = """
			{"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}""";

	private static String item(String id, String amount, String currency) {
		return """
				{"menuItemId": "%s", "name": "Dish %s", "price": {"amount": "%s", "currency": "%s"}}"""
				.formatted(id, id, amount, currency);
	}

	private static String restaurant(String name, String... items) {
		return "{\"name\": \"" + name + "\", \"menu\": [" + String.join(", ", items) + "]}";
	}

	private String create(String body) {
		var response = asAdmin().post("/api/v1/restaurants", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("restaurantId").asString();
	}

	private JsonNode get(String id) {
		var response = asAdmin().get("/api/v1/restaurants/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> menuIds(JsonNode restaurant) {
		return restaurant.get("menu").valueStream().map(item -> item.get("menuItemId").asString()).toList();
	}

	@Test
	void createsARestaurantAndReadsItBack() {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", CURRY, NAAN));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var id = response.json().get("restaurantId").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.header("Location")).isEqualTo("/api/v1/restaurants/" + id);

		var json = get(id);
		assertThat(json.get("restaurantId").asString()).isEqualTo(id);
		assertThat(json.get("name").asString()).isEqualTo("Ajanta");
		assertThat(json.get("open").asBoolean()).isTrue();
		assertThat(menuIds(json)).containsExactly("m1", "m2");
		assertThat(json.at("/menu/0/name").asString()).isEqualTo("Curry");
		assertThat(json.at("/menu/0/price/amount").asString()).isEqualTo("12.50");
		assertThat(json.at("/menu/0/price/currency").asString()).isEqualTo("USD");
		assertThat(json.at("/menu/1/price/amount").asString()).isEqualTo("3.00");
	}

	@Test
	void replacesTheMenuKeepingItsOrder() {
		var id = create(restaurant("Ajanta", CURRY, NAAN));

		// the same ids in another order, one changed price, one new item
		var replaced = asAdmin().put("/api/v1/restaurants/" + id + "/menu",
				"{\"menu\": [" + item("m2", "3.50", "USD") + ", " + CURRY + ", " + item("m3", "7.00", "USD") + "]}");

		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(menuIds(replaced.json())).containsExactly("m2", "m1", "m3");
		var json = get(id);
		assertThat(menuIds(json)).containsExactly("m2", "m1", "m3");
		assertThat(json.at("/menu/0/price/amount").asString()).isEqualTo("3.50");

		var shrunk = asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": [" + item("m9", "1.00", "EUR") + "]}");
		assertThat(shrunk.status()).as(shrunk.toString()).isEqualTo(200);
		assertThat(menuIds(get(id))).containsExactly("m9");
		assertThat(get(id).at("/menu/0/price/currency").asString()).isEqualTo("EUR");
	}

	@Test
	void keepsTheOldMenuWhenTheNewOneIsInvalid() {
		var id = create(restaurant("Ajanta", CURRY, NAAN));

		assertProblem(asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": []}"), 400);
		assertProblem(asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": [" + CURRY + ", " + CURRY + "]}"), 400);

		assertThat(menuIds(get(id))).containsExactly("m1", "m2");
	}

	@Test
	void closesAndOpens() {
		var id = create(restaurant("Ajanta", CURRY));

		var closed = asAdmin().post("/api/v1/restaurants/" + id + "/close", null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("open").asBoolean()).isFalse();
		assertThat(closed.json().get("restaurantId").asString()).isEqualTo(id);
		assertThat(get(id).get("open").asBoolean()).isFalse();
		assertProblem(asAdmin().post("/api/v1/restaurants/" + id + "/close", null), 409);

		var opened = asAdmin().post("/api/v1/restaurants/" + id + "/open", null);
		assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
		assertThat(opened.json().get("open").asBoolean()).isTrue();
		assertProblem(asAdmin().post("/api/v1/restaurants/" + id + "/open", null), 409);
	}

	@Test
	void ignoresUnknownFields() {
		var response = asAdmin().post("/api/v1/restaurants", """
				{"name": "Ajanta", "cuisine": "Indian", "menu": [{"menuItemId": "m1", "name": "Curry",
				 "spicy": true, "price": {"amount": "12.50", "currency": "USD", "tax": "0.10"}}]}""");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

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
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", CURRY, NAAN, CURRY));

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[2].menuItemId");
		assertThat(response.json().at("/errors/0/message").asString()).contains("unique").contains("menu[0]");
	}

	@Test
	void refusesMenusInMoreThanOneCurrency() {
		var response = asAdmin().post("/api/v1/restaurants",
				restaurant("Ajanta", CURRY, item("m2", "3.00", "EUR"), item("m3", "1.00", "USD")));

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

		assertProblem(asAdmin().post("/api/v1/restaurants", restaurant(megabytes, CURRY)), 400);
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
		var response = asAdmin().post("/api/v1/restaurants", "{\"name\": \"Ajanta\", \"menu\": [" + CURRY
				+ ", {\"menuItemId\": \"m2\", \"name\": \"Naan\", \"price\": {\"amount\": [3], \"currency\": \"USD\"}}]}");

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("menu[1].price.amount");
	}

	@Test
	void refusesAMissingBodyAndOtherContentTypes() {
		assertProblem(asAdmin().post("/api/v1/restaurants", null), 400);
		assertProblem(asAdmin().post("/api/v1/restaurants", "name=Ajanta", "text/plain"), 415);
	}

	@Test
	void answersUnknownRestaurantsWith404() {
		var unknown = "/api/v1/restaurants/" + UUID.randomUUID();

		assertProblem(asAdmin().get(unknown), 404);
		assertProblem(asAdmin().put(unknown + "/menu", "{\"menu\": [" + CURRY + "]}"), 404);
		assertProblem(asAdmin().post(unknown + "/close", null), 404);
		assertProblem(asAdmin().post(unknown + "/open", null), 404);
	}

	@Test
	void answersMalformedIdsWith400() {
		assertProblem(asAdmin().get("/api/v1/restaurants/not-a-uuid"), 400);
		assertProblem(asAdmin().post("/api/v1/restaurants/12345/close", null), 400);
		assertProblem(asAdmin().put("/api/v1/restaurants/" + "f".repeat(5000) + "/menu", "{\"menu\": [" + CURRY + "]}"), 400);
	}

	@Test
	void storesNamesTrimmed() {
		var id = create(restaurant("  Ajanta  ", CURRY));

		assertThat(get(id).get("name").asString()).isEqualTo("Ajanta");
	}

	@Test
	void listsEveryItemExactlyOnce() {
		var id = create(restaurant("Ajanta", CURRY, NAAN));
		asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": [" + NAAN + ", " + CURRY + "]}");

		var ids = menuIds(get(id)).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
		assertThat(ids).containsOnlyKeys("m1", "m2").allSatisfy((key, count) -> assertThat(count).isOne());
	}

	/** Without a token: the gateway's Swagger UI reads it, and so may anyone. */
	@Test
	void publishesItsOpenApiDocuments() {
		for (var path : List.of("/v3/api-docs", "/v3/api-docs/v1")) {
			var document = api().get(path);

			assertThat(document.status()).as(path).isEqualTo(200);
			assertThat(document.json().get("openapi").asString()).startsWith("3.");
			assertThat(document.json().get("paths").has("/api/v1/restaurants/{restaurantId}")).isTrue();
			assertThat(document.json().get("paths").has("/api/v1/tickets/{ticketId}/accept")).isTrue();
		}
	}

	@Test
	void documentsTheBearerTokenAnd401And403OnEveryOperation() {
		var v1 = api().get("/v3/api-docs/v1").json();

		assertThat(v1.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(v1.at("/components/securitySchemes/bearerAuth/bearerFormat").asString()).isEqualTo("JWT");
		assertThat(v1.at("/security/0").has("bearerAuth")).isTrue();
		var operations = v1.get("paths").valueStream().flatMap(JsonNode::valueStream).toList();
		assertThat(operations).hasSize(11).allSatisfy(operation -> {
			assertThat(operation.get("responses").propertyNames()).contains("401", "403");
			assertThat(operation.at("/responses/403/content").has("application/problem+json")).isTrue();
		});
	}

	@Test
	void v1DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v1"),
				Path.of("../docs/openapi/kitchen-service-v1.json"));
	}
}
