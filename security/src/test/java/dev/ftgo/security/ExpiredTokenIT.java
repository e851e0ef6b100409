package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.security.testapp.TestApplication;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token that was valid and has expired: issued two hours ago for one hour. Signed here with a key of this
 * test's own, because the dev stack's issuer writes a negative time-to-live as an expiry before the issue time,
 * which Spring refuses as malformed before it ever checks the expiry.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ExpiredTokenIT {

	private static final RSAKey KEY = generateKey();
	private static final HttpServer JWKS = serveJwkSet();

	@DynamicPropertySource
	static void jwkSet(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json");
	}

	@AfterAll
	static void stopJwkSet() {
		JWKS.stop(0);
	}

	@LocalServerPort
	int port;

	@Test
	void expiredTokenIsUnauthorized() throws Exception {
		var issued = Instant.now().minus(Duration.ofHours(2));
		var expired = sign(new JWTClaimsSet.Builder().issuer("ftgo-dev-stack").audience("ftgo").subject("admin")
				.claim("roles", List.of("admin"))
				.issueTime(Date.from(issued))
				.expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
				.build());

		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/whoami"))
						.header("Authorization", "Bearer " + expired).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		var problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
		assertThat(problem.path("detail").asString()).containsIgnoringCase("expired");
	}

	private static String sign(JWTClaimsSet claims) throws JOSEException {
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(KEY));
		return jwt.serialize();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("expired-token-it").generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	private static HttpServer serveJwkSet() {
		var body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		try {
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/.well-known/jwks.json", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (var out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
