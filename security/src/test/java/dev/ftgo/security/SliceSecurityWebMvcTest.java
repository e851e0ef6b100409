package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.ftgo.security.testapp.TestApplication;
import dev.ftgo.testsupport.TestTokens;

/** A service's {@code @WebMvcTest} slice gets the same security as the application: filter chain, Caller, 401/403. */
@WebMvcTest
@ContextConfiguration(classes = TestApplication.class)
class SliceSecurityWebMvcTest {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void resolvesTheCallerFromARealToken() {
		var consumerId = UUID.randomUUID();

		assertThat(mvc.get().uri("/api/whoami").header("Authorization", "Bearer " + TestTokens.consumer(consumerId)))
				.hasStatusOk()
				.bodyJson().extractingPath("$.subject").isEqualTo(consumerId.toString());
	}

	@Test
	void refusesARequestWithoutToken() {
		assertThat(mvc.get().uri("/api/whoami"))
				.hasStatus(HttpStatus.UNAUTHORIZED)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson().extractingPath("$.title").isEqualTo("Unauthorized");
	}

	@Test
	void forbidsTheWrongRole() {
		assertThat(mvc.get().uri("/api/admin-only").header("Authorization", "Bearer " + TestTokens.kitchen(UUID.randomUUID())))
				.hasStatus(HttpStatus.FORBIDDEN)
				.bodyJson().extractingPath("$.title").isEqualTo("Forbidden");
	}
}
