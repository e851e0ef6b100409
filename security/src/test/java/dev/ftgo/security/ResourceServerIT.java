package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.security.testapp.TestApplication;
import dev.ftgo.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The library in a running servlet application, called over HTTP with real tokens verified through a JWK set URI. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ResourceServerIT {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void requestWithoutTokenIsUnauthorizedProblemWithBearerChallenge() {
		var response = get("/api/whoami", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
		assertUnauthorizedProblem(response);
		assertThat(json(response).path("detail").asString()).contains("needs a bearer token");
	}

	/** Spring Security 7 names it in the challenge ({@code resource_metadata}, RFC 9728); it must answer without a token. */
	@Test
	void protectedResourceMetadataNamedInTheChallengeIsPublic() {
		var response = get("/.well-known/oauth-protected-resource", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("bearer_methods_supported").toString()).contains("header");
	}

	@Test
	void malformedTokenIsUnauthorized() {
		var response = get("/api/whoami", "not-a-jwt");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
		assertUnauthorizedProblem(response);
	}

	@Test
	void tokenWithAnotherTokensSignatureIsUnauthorized() {
		var admin = TestTokens.admin().split("\\.");
		var consumer = TestTokens.consumer(UUID.randomUUID()).split("\\.");
		var forged = admin[0] + "." + admin[1] + "." + consumer[2];

		var response = get("/api/whoami", forged);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertUnauthorizedProblem(response);
		assertThat(json(response).path("detail").asString()).containsIgnoringCase("signature");
	}

	@Test
	void tokenSignedWithAnUnknownKeyIsUnauthorized() {
		var response = get("/api/whoami", TestTokens.signedByAnotherKey());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertUnauthorizedProblem(response);
	}

	/** Signed with the trusted key, yet not the trusted issuer's: one key may sign for several issuers. */
	@Test
	void tokenOfAnotherIssuerIsUnauthorized() {
		var response = get("/api/whoami", TestTokens.fromAnotherIssuer());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertUnauthorizedProblem(response);
		assertThat(json(response).path("detail").asString()).contains("iss");
	}

	@Test
	void adminTokenResolvesToAdminCallerWithRoleAuthority() {
		var who = json(get("/api/whoami", TestTokens.admin()));

		assertThat(who.path("subject").asString()).isEqualTo("admin");
		assertThat(strings(who.path("roles"))).containsExactly("admin");
		assertThat(who.path("restaurantId").isNull()).isTrue();
		assertThat(strings(who.path("authorities"))).contains("ROLE_ADMIN")
				.doesNotContain("ROLE_CONSUMER", "ROLE_KITCHEN");
	}

	@Test
	void consumerTokenResolvesToConsumerCaller() {
		var consumerId = UUID.randomUUID();

		var who = json(get("/api/whoami", TestTokens.consumer(consumerId)));

		assertThat(who.path("subject").asString()).isEqualTo(consumerId.toString());
		assertThat(strings(who.path("roles"))).containsExactly("consumer");
		assertThat(strings(who.path("authorities"))).contains("ROLE_CONSUMER").doesNotContain("ROLE_ADMIN");
	}

	@Test
	void kitchenTokenResolvesToKitchenCallerOfItsRestaurant() {
		var restaurantId = UUID.randomUUID();

		var who = json(get("/api/whoami", TestTokens.kitchen(restaurantId)));

		assertThat(who.path("subject").asString()).isEqualTo("kitchen-" + restaurantId);
		assertThat(strings(who.path("roles"))).containsExactly("kitchen");
		assertThat(who.path("restaurantId").asString()).isEqualTo(restaurantId.toString());
		assertThat(strings(who.path("authorities"))).contains("ROLE_KITCHEN");
	}

	@Test
	void everyKnownRoleOfTheClaimBecomesAnAuthorityAndUnknownOnesNone() {
		var token = TestTokens.issuer().mint("ops", List.of("admin", "kitchen", "auditor"), UUID.randomUUID(), Duration.ofMinutes(5));

		var who = json(get("/api/whoami", token));

		assertThat(strings(who.path("roles"))).containsExactly("admin", "kitchen");
		assertThat(strings(who.path("authorities"))).contains("ROLE_ADMIN", "ROLE_KITCHEN")
				.noneMatch(authority -> authority.toUpperCase().contains("AUDITOR"));
	}

	@Test
	void refusedCallerGetsForbiddenProblemFromTheServiceAdvice() {
		var response = get("/api/admin-only", TestTokens.consumer(UUID.randomUUID()));

		assertThat(response.statusCode()).isEqualTo(403);
		assertForbiddenProblem(response);
		assertThat(json(response).path("detail").asString()).contains("admin");
	}

	@Test
	void allowedCallerPassesTheOwnershipCheck() {
		var consumerId = UUID.randomUUID();

		assertThat(get("/api/admin-only", TestTokens.admin()).statusCode()).isEqualTo(200);
		assertThat(get("/api/consumers/" + consumerId, TestTokens.consumer(consumerId)).statusCode()).isEqualTo(200);
		assertThat(get("/api/consumers/" + consumerId, TestTokens.admin()).statusCode()).isEqualTo(200);
	}

	@Test
	void consumerAskingForAnotherConsumerIsForbidden() {
		var response = get("/api/consumers/" + UUID.randomUUID(), TestTokens.consumer(UUID.randomUUID()));

		assertThat(response.statusCode()).isEqualTo(403);
		assertForbiddenProblem(response);
	}

	@Test
	void springSecurityAccessDeniedInAControllerIsForbiddenNotInternalError() {
		var response = get("/api/spring-denied", TestTokens.admin());

		assertThat(response.statusCode()).isEqualTo(403);
		assertForbiddenProblem(response);
	}

	@Test
	void actuatorIsPublic() {
		var response = get("/actuator/health", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void apiDocumentIsPublicAndDoesNotListTheCallerAsAParameter() {
		var response = get("/v3/api-docs", null);

		assertThat(response.statusCode()).isEqualTo(200);
		var whoami = json(response).path("paths").path("/api/whoami").path("get");
		assertThat(whoami.isMissingNode()).isFalse();
		assertThat(whoami.path("parameters").isMissingNode() || whoami.path("parameters").isEmpty()).isTrue();
	}

	@Test
	void unknownPathWithoutTokenIsUnauthorizedNotAnErrorPage() {
		var response = get("/api/nothing-here", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertUnauthorizedProblem(response);
	}

	@Test
	void unknownPathWithTokenIsNotFound() {
		assertThat(get("/api/nothing-here", TestTokens.admin()).statusCode()).isEqualTo(404);
	}

	@Test
	void outgoingCallCarriesTheCallersToken() {
		var consumerId = UUID.randomUUID();

		var who = json(get("/api/relay", TestTokens.consumer(consumerId)));

		assertThat(who.path("subject").asString()).isEqualTo(consumerId.toString());
	}

	@Test
	void outgoingCallOnAnotherThreadCarriesTheCapturedToken() {
		var restaurantId = UUID.randomUUID();

		var who = json(get("/api/relay-async", TestTokens.kitchen(restaurantId)));

		assertThat(who.path("restaurantId").asString()).isEqualTo(restaurantId.toString());
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

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
			assertUnauthorizedProblem(response);
			assertThat(json(response).path("detail").asString()).contains("aud");
		}
	}

	private static void assertUnauthorizedProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		var problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("about:blank");
		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private static void assertForbiddenProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		var problem = json(response);
		assertThat(problem.path("title").asString()).isEqualTo("Forbidden");
		assertThat(problem.path("status").asInt()).isEqualTo(403);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private HttpResponse<String> get(String path, String token) {
		return get(port, path, token);
	}

	private static HttpResponse<String> get(int port, String path, String token) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept", "application/json, application/problem+json")
				.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}
}
