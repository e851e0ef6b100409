package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.ftgo.testsupport.TestTokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class JwkSetFetchTest {

	/** Longer than Nimbus's 500 ms read timeout, well within the 5 s default here. */
	private static final long ANSWER_DELAY_MILLIS = 1500;

	private HttpServer slowIdentity;
	private URI jwkSetUri;

	@BeforeEach
	void startSlowIdentity() throws Exception {
		String jwkSet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(TestTokens.jwkSetUri()).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		slowIdentity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// answered later from another thread: the server's own thread stays free
		slowIdentity.createContext("/.well-known/jwks.json", exchange -> CompletableFuture.runAsync(
				() -> answer(exchange, jwkSet), CompletableFuture.delayedExecutor(ANSWER_DELAY_MILLIS, TimeUnit.MILLISECONDS)));
		slowIdentity.start();
		jwkSetUri = URI.create("http://127.0.0.1:" + slowIdentity.getAddress().getPort() + "/.well-known/jwks.json");
	}

	@AfterEach
	void stopSlowIdentity() {
		slowIdentity.stop(0);
	}

	@Test
	void verifiesTokensAgainstAJwkSetSlowerThanNimbusDefaults() {
		var builder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri.toString());
		new ResourceServerAutoConfiguration()
				.ftgoJwkSetFetchTimeouts(new JwkSetFetch(Duration.ofSeconds(2), Duration.ofSeconds(5))).customize(builder);

		assertThat(builder.build().decode(TestTokens.admin()).getClaimAsStringList("roles")).containsExactly("admin");
	}

	@Test
	void nimbusDefaultsGiveUpOnTheSameJwkSet() {
		var decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri.toString()).build();

		assertThatThrownBy(() -> decoder.decode(TestTokens.admin())).isInstanceOf(JwtException.class)
				.hasMessageContaining("timed out");
	}

	private static void answer(HttpExchange exchange, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (exchange) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
