package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What every answer the gateway gives itself looks like: an RFC 9457 problem with its status in the body too. */
final class ProblemAssertions {

	private ProblemAssertions() {
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

	/** A 503 problem that says why and tells the client when to try again. */
	static void assertUnavailable(HttpResponse<String> response, String retryAfter, String detail) {
		assertProblem(response, 503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
		assertThat(response.body()).contains(detail);
	}
}
