package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.TestTokens;

/** What a caller with a valid token may do: its role and ownership decide, refusals are problems, some paths are public. */
class ResourceServerAuthorizationIT extends RunningResourceServer {

	@Test
	void refusedCallerGetsForbiddenProblemFromTheServiceAdvice() {
		var response = get("/api/admin-only", TestTokens.consumer(UUID.randomUUID()));

		assertForbidden(response);
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
		assertForbidden(get("/api/consumers/" + UUID.randomUUID(), TestTokens.consumer(UUID.randomUUID())));
	}

	@Test
	void springSecurityAccessDeniedInAControllerIsForbiddenNotInternalError() {
		assertForbidden(get("/api/spring-denied", TestTokens.admin()));
	}

	@Test
	void unknownPathWithTokenIsNotFound() {
		assertThat(get("/api/nothing-here", TestTokens.admin()).statusCode()).isEqualTo(404);
	}

	@Test
	void actuatorIsPublic() {
		assertThat(publicJson("/actuator/health").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void apiDocumentIsPublicAndDoesNotListTheCallerAsAParameter() {
		var whoami = publicJson("/v3/api-docs").path("paths").path("/api/whoami").path("get");
		assertThat(whoami.isMissingNode()).isFalse();
		assertThat(whoami.path("parameters").isMissingNode() || whoami.path("parameters").isEmpty()).isTrue();
	}
}
