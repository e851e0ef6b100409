package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on a service's OpenAPI document that every service's API test makes alike. */
public final class ApiDocuments {

	private ApiDocuments() {
	}

	/**
	 * The operation documents the security filter chain's refusals, 401 and 403, each as
	 * {@code application/problem+json}: a client generated from the document must expect them everywhere.
	 *
	 * @param name how a failure names the operation
	 */
	public static void assertRefusalsDocumented(JsonNode operation, String name) {
		assertThat(operation.get("responses").propertyNames()).as(name).contains("401", "403");
		for (var status : new String[] { "401", "403" }) {
			assertThat(operation.at("/responses/" + status + "/content").has("application/problem+json"))
				.as(status + " of " + name).isTrue();
		}
	}
}
