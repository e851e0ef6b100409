package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.ftgo.security.testapp.TestApplication;
import dev.ftgo.testsupport.TestTokens;

/** The filter chain verifies a token once while it is valid: its next requests skip the signature check. */
@WebMvcTest
@ContextConfiguration(classes = TestApplication.class)
class VerifiedTokensWebMvcTest {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@Autowired
	MockMvcTester mvc;

	/** The decoder Boot builds from the JWK set URI, watched to see how often it is asked. */
	@MockitoSpyBean
	JwtDecoder decoder;

	@Test
	void aTokenIsVerifiedOnceForManyRequests() {
		var token = TestTokens.consumer(UUID.randomUUID());
		var another = TestTokens.consumer(UUID.randomUUID());

		for (int request = 0; request < 3; request++) {
			assertThat(mvc.get().uri("/api/whoami").header("Authorization", "Bearer " + token)).hasStatusOk();
		}
		assertThat(mvc.get().uri("/api/whoami").header("Authorization", "Bearer " + another)).hasStatusOk();

		verify(decoder, times(1)).decode(token);
		verify(decoder, times(1)).decode(another);
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		var forged = TestTokens.signedByAnotherKey();

		for (int request = 0; request < 2; request++) {
			assertThat(mvc.get().uri("/api/whoami").header("Authorization", "Bearer " + forged))
					.hasStatus(HttpStatus.UNAUTHORIZED);
		}

		verify(decoder, times(2)).decode(forged);
	}
}
