package dev.ftgo.consumer.consumer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerApiIT {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "consumer_service");
		TestKafka.register(registry);
	}

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(port);
	}

	private String register(String orderLimitJson) {
		var body = """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"%s}"""
				.formatted(orderLimitJson == null ? "" : ", \"orderLimit\": " + orderLimitJson);
		var response = api().post("/api/v1/consumers", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("detail")).isTrue();
	}

	@Test
	void registersAConsumerAndReadsItBack() {
		var response = api().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "250.5", "currency": "EUR"}}""");

		assertThat(response.status()).isEqualTo(201);
		var id = response.json().get("consumerId").asString();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.header("Location")).isEqualTo("/api/v1/consumers/" + id);

		var consumer = api().get("/api/v1/consumers/" + id);
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

		var json = api().get("/api/v1/consumers/" + id).json();

		assertThat(json.at("/orderLimit/amount").asString()).isEqualTo("500.00");
		assertThat(json.at("/orderLimit/currency").asString()).isEqualTo("USD");
	}

	@Test
	void ignoresUnknownFields() {
		var response = api().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace", "middleName": "King"},
				 "email": "ada@example.com", "loyaltyTier": "gold"}""");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void namesEveryInvalidField() {
		var response = api().post("/api/v1/consumers", """
				{"name": {"firstName": "", "lastName": null}, "email": "nope",
				 "orderLimit": {"amount": "-5", "currency": "XYZ"}}""");

		assertProblem(response, 400);
		var fields = response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
		assertThat(fields).contains("name.firstName", "name.lastName", "email", "orderLimit.amount",
				"orderLimit.currency");
	}

	@Test
	void requiresNameAndEmail() {
		var response = api().post("/api/v1/consumers", "{}");

		assertProblem(response, 400);
		var fields = response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
		assertThat(fields).containsExactlyInAnyOrder("name", "email");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "{\"name\": \"Ada\"}",
			"{\"name\": {\"firstName\": [1]}, \"email\": \"a@b.c\"}" })
	void refusesMalformedBodies(String body) {
		assertProblem(api().post("/api/v1/consumers", body), 400);
	}

	@Test
	void refusesAMissingBody() {
		assertProblem(api().post("/api/v1/consumers", null), 400);
	}

	@Test
	void refusesOtherContentTypes() {
		assertProblem(api().post("/api/v1/consumers", "name=Ada", "text/plain"), 415);
	}

	@Test
	void refusesFractionsOfACent() {
		var response = api().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "1.005", "currency": "USD"}}""");

		assertProblem(response, 400);
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("orderLimit.amount");
	}

	@Test
	void answersUnknownConsumersWith404() {
		assertProblem(api().get("/api/v1/consumers/" + UUID.randomUUID()), 404);
		assertProblem(api().post("/api/v1/consumers/" + UUID.randomUUID() + "/suspend", null), 404);
	}

	@Test
	void answersMalformedIdsWith400() {
		assertProblem(api().get("/api/v1/consumers/not-a-uuid"), 400);
	}

	@Test
	void answersUnknownPathsWithProblem404() {
		assertProblem(api().get("/api/v1/nothing-here"), 404);
	}

	@Test
	void suspendsAndReactivates() {
		var id = register(null);

		var suspended = api().post("/api/v1/consumers/" + id + "/suspend", null);
		assertThat(suspended.status()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(api().get("/api/v1/consumers/" + id).json().get("status").asString()).isEqualTo("SUSPENDED");

		assertProblem(api().post("/api/v1/consumers/" + id + "/suspend", null), 409);

		var reactivated = api().post("/api/v1/consumers/" + id + "/reactivate", null);
		assertThat(reactivated.json().get("status").asString()).isEqualTo("ACTIVE");
		assertProblem(api().post("/api/v1/consumers/" + id + "/reactivate", null), 409);
	}

	@Test
	void validatesOrdersAgainstLimitAndStatus() {
		var id = register("{\"amount\": \"100.00\", \"currency\": \"USD\"}");
		var path = "/api/v1/consumers/" + id + "/order-validations";

		var approved = api().post(path, "{\"orderTotal\": {\"amount\": \"100.00\", \"currency\": \"USD\"}}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("approved").asBoolean()).isTrue();
		assertThat(approved.json().has("reason")).isFalse();

		var overLimit = api().post(path, "{\"orderTotal\": {\"amount\": \"100.01\", \"currency\": \"USD\"}}");
		assertThat(overLimit.status()).isEqualTo(200);
		assertThat(overLimit.json().get("approved").asBoolean()).isFalse();
		assertThat(overLimit.json().get("reason").asString()).contains("exceeds");

		api().post("/api/v1/consumers/" + id + "/suspend", null);
		var suspended = api().post(path, "{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}");
		assertThat(suspended.json().get("approved").asBoolean()).isFalse();
		assertThat(suspended.json().get("reason").asString()).contains("suspended");
	}

	@Test
	void validatesOrderValidationRequests() {
		var id = register(null);

		assertProblem(api().post("/api/v1/consumers/" + UUID.randomUUID() + "/order-validations",
				"{\"orderTotal\": {\"amount\": \"1.00\", \"currency\": \"USD\"}}"), 404);
		assertProblem(api().post("/api/v1/consumers/" + id + "/order-validations", "{}"), 400);
	}

	@Test
	void publishesItsOpenApiDocument() {
		var document = api().get("/v3/api-docs");

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("openapi").asString()).startsWith("3.");
		assertThat(document.json().get("paths").has("/api/v1/consumers/{consumerId}")).isTrue();
	}
}
