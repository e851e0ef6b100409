package dev.ftgo.security;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class BearerTokenRelayTest {

	private static final String URL = "http://kitchen-service/api/v1/tickets";

	private final RestClient.Builder builder = RestClient.builder().requestInterceptor(new BearerTokenRelay());
	private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
	private final RestClient http = builder.build();
	private final ExecutorService otherThread = Executors.newSingleThreadExecutor();

	@BeforeEach
	@AfterEach
	void clearThreadState() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@AfterEach
	void stopThread() {
		otherThread.shutdownNow();
	}

	@Test
	void relaysTheAuthenticatedCallersToken() {
		authenticate("caller-token");
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer caller-token")).andRespond(withSuccess());

		http.get().uri(URL).retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void addsNothingWithoutACaller() {
		server.expect(requestTo(URL)).andExpect(headerDoesNotExist("Authorization")).andRespond(withSuccess());

		http.get().uri(URL).retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void keepsAnAuthorizationTheCallSetItself() {
		authenticate("caller-token");
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer service-token")).andRespond(withSuccess());

		http.get().uri(URL).headers(headers -> headers.setBearerAuth("service-token")).retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void fallsBackToTheCurrentRequestsBearerHeader() {
		currentRequestWithAuthorization("bearer header-token");
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer header-token")).andRespond(withSuccess());

		http.get().uri(URL).retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void ignoresANonBearerRequestHeader() {
		currentRequestWithAuthorization("Basic dXNlcjpwYXNz");
		server.expect(requestTo(URL)).andExpect(headerDoesNotExist("Authorization")).andRespond(withSuccess());

		http.get().uri(URL).retrieve().toBodilessEntity();

		server.verify();
	}

	@Test
	void anotherThreadHasNoTokenUnlessItWasCaptured() {
		authenticate("caller-token");
		server.expect(requestTo(URL)).andExpect(headerDoesNotExist("Authorization")).andRespond(withSuccess());
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer caller-token")).andRespond(withSuccess());

		CompletableFuture.runAsync(() -> http.get().uri(URL).retrieve().toBodilessEntity(), otherThread).join();
		CompletableFuture.supplyAsync(
				BearerTokenRelay.propagating(() -> http.get().uri(URL).retrieve().toBodilessEntity()), otherThread).join();

		server.verify();
	}

	@Test
	void withTokenBindsAndThenRestores() {
		authenticate("caller-token");
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer bound-token")).andRespond(withSuccess());
		server.expect(requestTo(URL)).andExpect(headerDoesNotExist("Authorization")).andRespond(withSuccess());
		server.expect(requestTo(URL)).andExpect(header("Authorization", "Bearer caller-token")).andRespond(withSuccess());

		BearerTokenRelay.withToken("bound-token", () -> http.get().uri(URL).retrieve().toBodilessEntity());
		BearerTokenRelay.withToken(null, () -> http.get().uri(URL).retrieve().toBodilessEntity());
		http.get().uri(URL).retrieve().toBodilessEntity();

		server.verify();
	}

	private static void authenticate(String tokenValue) {
		var jwt = Jwt.withTokenValue(tokenValue).header("alg", "RS256").subject("admin")
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	/** Makes a request with this Authorization header the current one, as a servlet container would. */
	private static void currentRequestWithAuthorization(String authorization) {
		var request = new MockHttpServletRequest();
		request.addHeader("Authorization", authorization);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}
}
