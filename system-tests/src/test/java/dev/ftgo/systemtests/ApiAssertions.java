package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.ftgo.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/** The shapes of docs/http-api.md as a client checks them: exact field sets, money in both versions, RFC 9457 problems. */
final class ApiAssertions {

	private ApiAssertions() {
	}

	static void assertFields(JsonNode node, String... names) {
		assertThat(node.properties().stream().map(Map.Entry::getKey)).as(node.toString()).containsExactlyInAnyOrder(names);
	}

	/** v1 money: the amount as a decimal string. */
	static void assertMoney(JsonNode money, String amount, String currency) {
		assertFields(money, "amount", "currency");
		assertThat(money.get("amount").isString()).as("amount is a decimal string: " + money).isTrue();
		assertThat(money.get("amount").asString()).isEqualTo(amount);
		assertThat(money.get("currency").asString()).isEqualTo(currency);
	}

	/** v2 money: a whole number of the currency's minor unit. */
	static void assertMinorUnits(JsonNode money, long amountMinor, String currency) {
		assertFields(money, "amountMinor", "currency");
		assertThat(money.get("amountMinor").isIntegralNumber()).as("amountMinor is an integer: " + money).isTrue();
		assertThat(money.get("amountMinor").asLong()).isEqualTo(amountMinor);
		assertThat(money.get("currency").asString()).isEqualTo(currency);
	}

	/** RFC 9457: status, title and detail, served as application/problem+json. */
	static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}
}
