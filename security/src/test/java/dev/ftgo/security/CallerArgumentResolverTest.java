package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

class CallerArgumentResolverTest {

	private final CallerArgumentResolver resolver = new CallerArgumentResolver();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void supportsOnlyCallerParameters() throws NoSuchMethodException {
		var handler = Handlers.class.getDeclaredMethod("handle", Caller.class, String.class);

		assertThat(resolver.supportsParameter(new MethodParameter(handler, 0))).isTrue();
		assertThat(resolver.supportsParameter(new MethodParameter(handler, 1))).isFalse();
	}

	@Test
	void resolvesTheAuthenticatedToken() {
		var jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("admin").claim("roles", List.of("admin"))
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));

		var caller = resolver.resolveArgument(null, null, null, null);

		assertThat(caller.subject()).isEqualTo("admin");
		assertThat(caller.isAdmin()).isTrue();
	}

	@Test
	void withoutATokenIsUnauthorizedNotAServerError() {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user", "password"));

		assertThatThrownBy(() -> resolver.resolveArgument(null, null, null, null))
				.isInstanceOfSatisfying(ErrorResponseException.class, unauthorized -> {
					assertThat(unauthorized.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
					assertThat(unauthorized.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
					assertThat(unauthorized.getBody().getTitle()).isEqualTo("Unauthorized");
				});
	}

	static class Handlers {

		void handle(Caller caller, String other) {
		}
	}
}
