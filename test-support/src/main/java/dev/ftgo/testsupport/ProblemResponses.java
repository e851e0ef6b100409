package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Assertions on the RFC 9457 {@code application/problem+json} answers of a servlet service (the web-support
 * library's and the service's own), for the web slice tests.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/** {@code application/problem+json} with {@code status}, a {@code title} and a {@code detail}. */
	public static void assertProblem(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		var body = assertThat(result).bodyJson();
		body.extractingPath("$.status").asNumber().isEqualTo(status.value());
		body.extractingPath("$.title").asString().isNotBlank();
		body.extractingPath("$.detail").asString().isNotBlank();
	}

	/** A problem with exactly this {@code title} and {@code detail}. */
	public static void assertProblem(MvcTestResult result, HttpStatus status, String title, String detail) {
		assertProblem(result, status);
		var body = assertThat(result).bodyJson();
		body.extractingPath("$.title").asString().isEqualTo(title);
		body.extractingPath("$.detail").asString().isEqualTo(detail);
	}

	/** A 503 problem that blames the database and says when to retry. */
	public static void assertDatabaseUnavailable(MvcTestResult result) {
		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"The database is unreachable at the moment; retry the request in a few seconds.");
		assertThat(result).hasHeader("Retry-After", "2");
	}

	/** A 400 problem whose {@code errors[].field} are exactly {@code fields}. */
	public static void assertInvalid(MvcTestResult result, String... fields) {
		assertProblem(result, HttpStatus.BAD_REQUEST);
		var body = assertThat(result).bodyJson();
		body.extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder((Object[]) fields);
		body.extractingPath("$.errors[*].message").asArray().allSatisfy(message -> assertThat(message).asString().isNotBlank());
	}

	/** A 400 problem for a body that is not JSON of the expected shape. */
	public static void assertMalformed(MvcTestResult result) {
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Malformed request body");
	}
}
