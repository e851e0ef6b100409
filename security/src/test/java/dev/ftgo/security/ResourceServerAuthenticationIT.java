package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.testsupport.TestTokens;

/** Who gets past the resource server: a valid token of the trusted issuer for this API, and no one else. */
class ResourceServerAuthenticationIT extends RunningResourceServer {

	@Test
	void requestWithoutTokenIsUnauthorizedProblemWithBearerChallenge() {
		var response = get("/api/whoami", null);

		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
		assertThat(json(response).path("detail").asString()).contains("needs a bearer token");
	}

	/** Spring Security 7 names it in the challenge ({@code resource_metadata}, RFC 9728); it must answer without a token. */
	@Test
	void protectedResourceMetadataNamedInTheChallengeIsPublic() {
		var metadata = publicJson("/.well-known/oauth-protected-resource");

		assertThat(metadata.path("bearer_methods_supported").toString()).contains("header");
	}

	@Test
	void malformedTokenIsUnauthorized() {
		var response = get("/api/whoami", "not-a-jwt");

		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void tokenWithAnotherTokensSignatureIsUnauthorized() {
		var admin = TestTokens.admin().split("\\.");
		var consumer = TestTokens.consumer(UUID.randomUUID()).split("\\.");
		var forged = admin[0] + "." + admin[1] + "." + consumer[2];

		var response = get("/api/whoami", forged);

		assertInvalidToken(response);
		assertThat(json(response).path("detail").asString()).containsIgnoringCase("signature");
	}

	@Test
	void tokenSignedWithAnUnknownKeyIsUnauthorized() {
		assertInvalidToken(get("/api/whoami", TestTokens.signedByAnotherKey()));
	}

	/** Signed with the trusted key, yet not the trusted issuer's: one key may sign for several issuers. */
	@Test
	void tokenOfAnotherIssuerIsUnauthorized() {
		var response = get("/api/whoami", TestTokens.fromAnotherIssuer());

		assertInvalidToken(response);
		assertThat(json(response).path("detail").asString()).contains("iss");
	}

	@Test
	void unknownPathWithoutTokenIsUnauthorizedNotAnErrorPage() {
		assertUnauthorized(get("/api/nothing-here", null));
	}

	/** The same application expecting tokens for another API: FTGO's tokens ({@code aud: ftgo}) are not for it. */
	@Nested
	@TestPropertySource(properties = "spring.security.oauth2.resourceserver.jwt.audiences=some-other-api")
	class ExpectingAnotherAudience {

		@LocalServerPort
		int port;

		@Test
		void tokenForAnotherAudienceIsUnauthorized() {
			var response = get(port, "/api/whoami", TestTokens.admin());

			assertInvalidToken(response);
			assertThat(json(response).path("detail").asString()).contains("aud");
		}
	}
}
