package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.testsupport.TestTokens;

/**
 * The token every {@code /api/**} request needs: without one, or with one that is not valid here (malformed,
 * expired, signed by another key, for another issuer or audience), the answer is a 401 problem with the
 * challenge RFC 6750 describes, and no service is called; a valid token without roles gets a 403.
 */
class GatewayTokenTest extends StubbedServicesTestBase {

	private static final String RESTAURANT_PATH = "/api/v1/restaurants/9c4b7e2a-1f3d-4a58-b6c9-2e8d7f1a0b34";

	@Test
	void asksForATokenWhenThereIsNone() throws Exception {
		var response = send(anonymous(RESTAURANT_PATH));

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("Authorization: Bearer");
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void asksForATokenBeforeTheDeadLetterApi() throws Exception {
		var response = send(anonymous("/api/v1/admin/dead-letters").POST(HttpRequest.BodyPublishers.noBody()));

		assertProblem(response, 401);
		assertThat(relay.calls()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "malformed", "not-a-jwt", "expired", "signed-by-someone-else", "from-another-issuer",
			"for-another-audience", "garbage-in-header" })
	void refusesTokensThatAreNotValidWith401(String kind) throws Exception {
		var request = switch (kind) {
			case "malformed" -> as("abc.def.ghi", RESTAURANT_PATH);
			case "not-a-jwt" -> as("opaque-token", RESTAURANT_PATH);
			case "expired" -> as(TestTokens.expired(), RESTAURANT_PATH);
			case "signed-by-someone-else" -> as(TestTokens.signedByAnotherKey(), RESTAURANT_PATH);
			// signed with the trusted key: only the iss or aud claim gives these away
			case "from-another-issuer" -> as(TestTokens.fromAnotherIssuer(), RESTAURANT_PATH);
			case "for-another-audience" -> as(TestTokens.forAnotherAudience(), RESTAURANT_PATH);
			default -> anonymous(RESTAURANT_PATH).header("Authorization", "Bearer !!not base64!!");
		};

		var response = send(request);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertThat(response.body()).contains("The bearer token was refused");
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void refusesATokenWithoutRolesWith403() throws Exception {
		var token = TestTokens.issuer().mint("nobody", List.of(), null, Duration.ofMinutes(5));

		assertProblem(send(as(token, RESTAURANT_PATH)), 403);
	}
}
