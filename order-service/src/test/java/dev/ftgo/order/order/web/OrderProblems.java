package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static dev.ftgo.testsupport.ProblemResponses.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ftgo.testsupport.ApiClient;

/** Assertions on the problems the order API answers over HTTP: which fields they name, and why an order was refused. */
final class OrderProblems {

	private OrderProblems() {
	}

	/** The fields a problem names, in order, joined by commas. */
	static String fields(ApiClient.Response response) {
		return String.join(",", errorFields(response));
	}

	/** A 400 that names exactly {@code fields} (comma-separated, in order). */
	static void assertInvalid(ApiClient.Response response, String fields) {
		assertProblem(response, 400);
		assertThat(fields(response)).isEqualTo(fields);
	}

	/** A 422 refusing the order for {@code reason}, naming exactly {@code fields} (comma-separated, in order). */
	static void assertRefused(ApiClient.Response response, String reason, String fields) {
		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo(reason);
		assertThat(fields(response)).isEqualTo(fields);
	}
}
