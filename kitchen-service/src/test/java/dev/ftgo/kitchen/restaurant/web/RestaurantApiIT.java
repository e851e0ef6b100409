package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.OpenApiSnapshot;

import tools.jackson.databind.JsonNode;

/**
 * Restaurants over HTTP as an admin keeps them: created, read back, given a new menu, closed and opened; and the
 * OpenAPI documents that describe the kitchen's API.
 */
class RestaurantApiIT extends RestaurantsOverHttp {

	@Test
	void createsARestaurantAndReadsItBack() {
		var response = asAdmin().post("/api/v1/restaurants", restaurant("Ajanta", CURRY_JSON, NAAN_JSON));

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
		var id = create(restaurant("Ajanta", CURRY_JSON, NAAN_JSON));

		// the same ids in another order, one changed price, one new item
		var replaced = asAdmin().put("/api/v1/restaurants/" + id + "/menu",
				"{\"menu\": [" + item("m2", "3.50", "USD") + ", " + CURRY_JSON + ", " + item("m3", "7.00", "USD") + "]}");

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
		var id = create(restaurant("Ajanta", CURRY_JSON, NAAN_JSON));

		assertProblem(asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": []}"), 400);
		assertProblem(asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": [" + CURRY_JSON + ", " + CURRY_JSON + "]}"), 400);

		assertThat(menuIds(get(id))).containsExactly("m1", "m2");
	}

	@Test
	void closesAndOpens() {
		var id = create(restaurant("Ajanta", CURRY_JSON));

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
	void answersUnknownRestaurantsWith404() {
		var unknown = "/api/v1/restaurants/" + UUID.randomUUID();

		assertProblem(asAdmin().get(unknown), 404);
		assertProblem(asAdmin().put(unknown + "/menu", "{\"menu\": [" + CURRY_JSON + "]}"), 404);
		assertProblem(asAdmin().post(unknown + "/close", null), 404);
		assertProblem(asAdmin().post(unknown + "/open", null), 404);
	}

	@Test
	void answersMalformedIdsWith400() {
		assertProblem(asAdmin().get("/api/v1/restaurants/not-a-uuid"), 400);
		assertProblem(asAdmin().post("/api/v1/restaurants/12345/close", null), 400);
		assertProblem(asAdmin().put("/api/v1/restaurants/" + "f".repeat(5000) + "/menu", "{\"menu\": [" + CURRY_JSON + "]}"), 400);
	}

	@Test
	void storesNamesTrimmed() {
		var id = create(restaurant("  Ajanta  ", CURRY_JSON));

		assertThat(get(id).get("name").asString()).isEqualTo("Ajanta");
	}

	@Test
	void listsEveryItemExactlyOnce() {
		var id = create(restaurant("Ajanta", CURRY_JSON, NAAN_JSON));
		asAdmin().put("/api/v1/restaurants/" + id + "/menu", "{\"menu\": [" + NAAN_JSON + ", " + CURRY_JSON + "]}");

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
