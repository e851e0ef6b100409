package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ApiDocuments.assertRefusalsDocumented;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static dev.ftgo.testsupport.ProblemResponses.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.consumer.RunningConsumerService;
import dev.ftgo.testsupport.OpenApiSnapshot;

import tools.jackson.databind.JsonNode;

/** The consumer API as an admin uses it; who else may call what is {@link ConsumerAccessIT}'s. */
class ConsumerApiIT extends RunningConsumerService {

	private String register(String orderLimitJson) {
		var body = """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"%s}"""
				.formatted(orderLimitJson == null ? "" : ", \"orderLimit\": " + orderLimitJson);
		var response = asAdmin().post("/api/v1/consumers", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	@Test
	void registersAConsumerAndReadsItBack() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "250.5", "currency": "EUR"}}""");

		assertThat(response.status()).isEqualTo(201);
		var id = response.json().get("consumerId").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.header("Location")).isEqualTo("/api/v1/consumers/" + id);

		var consumer = asAdmin().get("/api/v1/consumers/" + id);
		assertThat(consumer.status()).isEqualTo(200);
		JsonNode json = consumer.json();
		assertThat(json.get("consumerId").asString()).isEqualTo(id);
		assertThat(json.at("/name/firstName").asString()).isEqualTo("Ada");
		assertThat(json.at("/name/lastName").asString()).isEqualTo("Lovelace");
		assertThat(json.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(json.at("/orderLimit/amount").asString()).isEqualTo("250.50");
		assertThat(json.at("/orderLimit/currency").asString()).isEqualTo("EUR");
		assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void appliesTheDefaultOrderLimitWhenNoneIsGiven() {
		var id = register(null);

		var json = asAdmin().get("/api/v1/consumers/" + id).json();

		assertThat(json.at("/orderLimit/amount").asString()).isEqualTo("500.00");
		assertThat(json.at("/orderLimit/currency").asString()).isEqualTo("USD");
	}

	@Test
	void ignoresUnknownFields() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace", "middleName": "King"},
				 "email": "ada@example.com", "loyaltyTier": "gold"}""");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void namesEveryInvalidField() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "", "lastName": null}, "email": "nope",
				 "orderLimit": {"amount": "-5", "currency": "XYZ"}}""");

		assertProblem(response, 400);
		var fields = errorFields(response);
		assertThat(fields).contains("name.firstName", "name.lastName", "email", "orderLimit.amount",
				"orderLimit.currency");
	}

	@Test
	void requiresNameAndEmail() {
		var response = asAdmin().post("/api/v1/consumers", "{}");

		assertProblem(response, 400);
		var fields = errorFields(response);
		assertThat(fields).containsExactlyInAnyOrder("name", "email");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "{\"name\": \"Ada\"}",
			"{\"name\": {\"firstName\": [1]}, \"email\": \"a@b.c\"}" })
	void refusesMalformedBodies(String body) {
		assertProblem(asAdmin().post("/api/v1/consumers", body), 400);
	}

	@Test
	void refusesAMissingBody() {
		assertProblem(asAdmin().post("/api/v1/consumers", null), 400);
	}

	@Test
	void refusesOtherContentTypes() {
		assertProblem(asAdmin().post("/api/v1/consumers", "name=Ada", "text/plain"), 415);
	}

	@Test
	void refusesFractionsOfACent() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "1.005", "currency": "USD"}}""");

		assertProblem(response, 400);
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("orderLimit.amount");
	}

	@Test
	void answersUnknownConsumersWith404() {
		assertProblem(asAdmin().get("/api/v1/consumers/" + UUID.randomUUID()), 404);
		assertProblem(asAdmin().post("/api/v1/consumers/" + UUID.randomUUID() + "/suspend", null), 404);
	}

	@Test
	void answersMalformedIdsWith400() {
		assertProblem(asAdmin().get("/api/v1/consumers/not-a-uuid"), 400);
	}

	@Test
	void answersUnknownPathsWithProblem404() {
		assertProblem(asAdmin().get("/api/v1/nothing-here"), 404);
	}

	@Test
	void suspendsAndReactivates() {
		var id = register(null);

		var suspended = asAdmin().post("/api/v1/consumers/" + id + "/suspend", null);
		assertThat(suspended.status()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(asAdmin().get("/api/v1/consumers/" + id).json().get("status").asString()).isEqualTo("SUSPENDED");

		assertProblem(asAdmin().post("/api/v1/consumers/" + id + "/suspend", null), 409);

		var reactivated = asAdmin().post("/api/v1/consumers/" + id + "/reactivate", null);
		assertThat(reactivated.json().get("status").asString()).isEqualTo("ACTIVE");
		assertProblem(asAdmin().post("/api/v1/consumers/" + id + "/reactivate", null), 409);
	}

	@Test
	void validatesOrdersAgainstLimitAndStatus() {
		var id = register("{\"amount\": \"100.00\", \"currency\": \"USD\"}");
		var path = "/api/v1/consumers/" + id + "/order-validations";

		var approved = asAdmin().post(path, "{\"orderTotal\": {\"amount\": \"100.00\", \"currency\": \"USD\"}}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("approved").asBoolean()).isTrue();
		assertThat(approved.json().has("reason")).isFalse();

		var overLimit = asAdmin().post(path, "{\"orderTotal\": {\"amount\": \"100.01\", \"currency\": \"USD\"}}");
		assertThat(overLimit.status()).isEqualTo(200);
		assertThat(overLimit.json().get("approved").asBoolean()).isFalse();
		assertThat(overLimit.json().get("reason").asString()).contains("exceeds");

		asAdmin().post("/api/v1/consumers/" + id + "/suspend", null);
		var suspended = asAdmin().post(path, "{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}");
		assertThat(suspended.json().get("approved").asBoolean()).isFalse();
		assertThat(suspended.json().get("reason").asString()).contains("suspended");
	}

	@Test
	void validatesOrderValidationRequests() {
		var id = register(null);

		assertProblem(asAdmin().post("/api/v1/consumers/" + UUID.randomUUID() + "/order-validations",
				"{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"), 404);
		assertProblem(asAdmin().post("/api/v1/consumers/" + id + "/order-validations", "{}"), 400);
	}

	@Test
	void publishesTheV1DocumentAndOneWithEveryVersion() {
		var v1 = withoutToken().get("/v3/api-docs/v1");
		var all = withoutToken().get("/v3/api-docs");

		assertThat(v1.status()).as(v1.toString()).isEqualTo(200);
		assertThat(v1.json().get("openapi").asString()).startsWith("3.");
		assertThat(v1.json().at("/info/version").asString()).isEqualTo("1.x");
		assertThat(v1.json().get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"))
			.contains("/api/v1/consumers", "/api/v1/consumers/{consumerId}",
					"/api/v1/consumers/{consumerId}/order-validations", "/api/v1/consumers/{consumerId}/notifications");
		// the gateway's Swagger UI shows this one: every version
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.json().at("/info/title").asString()).isEqualTo("FTGO consumer-service API");
		assertThat(all.json().get("paths").propertyNames()).containsAll(v1.json().get("paths").propertyNames());
	}

	@Test
	void documentsTheBearerTokenAndItsRefusalsOnEveryOperation() {
		var v1 = withoutToken().get("/v3/api-docs/v1").json();

		var scheme = v1.at("/components/securitySchemes/bearerAuth");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
		v1.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			var name = operation.getKey() + " " + path.getKey();
			assertThat(operation.getValue().at("/security/0").has("bearerAuth")).as(name).isTrue();
			assertThat(operation.getValue().get("responses").propertyNames()).as(name).contains("400");
			assertRefusalsDocumented(operation.getValue(), name);
		}));
	}

	@Test
	void v1DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v1"),
				Path.of("../docs/openapi/consumer-service-v1.json"));
	}
}
