package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Assertions on the RFC 9457 {@code application/problem+json} answers of a servlet service (the web-support
 * library's and the service's own): as the web slice tests see them ({@link MvcTestResult}), and as the
 * integration tests do over HTTP ({@link ApiClient.Response}).
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

	/** A 400 problem for a body with a value of the wrong JSON type, naming exactly that value's field. */
	public static void assertMalformed(MvcTestResult result, String field) {
		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
	}

	/** A 409 for an update that lost the race against another one (an optimistic locking failure). */
	public static void assertConcurrentUpdate(MvcTestResult result) {
		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	/** {@code application/problem+json} with {@code status}, a {@code title} and a {@code detail}. */
	public static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	/** A refusal of the security filter chain: a 401 problem and the {@code WWW-Authenticate: Bearer} challenge. */
	public static void assertUnauthorized(ApiClient.Response response) {
		assertProblem(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	/** The {@code errors[].field} of a 400 problem, in the order given. */
	public static List<String> errorFields(ApiClient.Response response) {
		assertThat(response.json().has("errors")).as(response.toString()).isTrue();
		return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
