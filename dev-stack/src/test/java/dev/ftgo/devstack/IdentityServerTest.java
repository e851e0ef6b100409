package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class IdentityServerTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final TokenIssuer issuer = TokenIssuer.generate();
	private IdentityServer server;

	@BeforeEach
	void start() {
		server = new IdentityServer(issuer, 0);
		server.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void servesThePublicJwkSet() throws Exception {
		HttpResponse<String> response = get(server.jwkSetUri());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo(issuer.jwkSetJson());
		assertThat(server.jwkSetUri()).hasToString("http://127.0.0.1:" + server.port() + "/.well-known/jwks.json");
	}

	@Test
	void issuesAConsumerTokenTheJwkSetVerifies() throws Exception {
		UUID consumerId = UUID.randomUUID();

		HttpResponse<String> response = postToken("{\"role\": \"consumer\", \"consumerId\": \"" + consumerId + "\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		SignedJWT jwt = SignedJWT.parse((String) body.get("token"));
		assertThat(jwt.verify(new RSASSAVerifier(JWKSet.parse(get(server.jwkSetUri()).body()).getKeys().get(0).toRSAKey()))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(consumerId.toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("consumer");
		assertThat(Instant.parse((String) body.get("expiresAt"))).isEqualTo(claims.getExpirationTime().toInstant());
	}

	@Test
	void issuesKitchenAndAdminTokensWithTheRequestedLifetime() throws Exception {
		UUID restaurantId = UUID.randomUUID();

		JWTClaimsSet kitchen = claimsOf(postToken("{\"role\": \"kitchen\", \"restaurantId\": \"" + restaurantId
				+ "\", \"ttlSeconds\": 600, \"comment\": \"unknown fields are ignored\"}"));
		JWTClaimsSet admin = claimsOf(postToken("{\"role\": \"admin\"}"));

		assertThat(kitchen.getStringClaim("restaurant_id")).isEqualTo(restaurantId.toString());
		assertThat(Duration.between(kitchen.getIssueTime().toInstant(), kitchen.getExpirationTime().toInstant()))
				.isEqualTo(Duration.ofMinutes(10));
		assertThat(admin.getSubject()).isEqualTo("admin");
		assertThat(admin.getStringListClaim("roles")).containsExactly("admin");
		assertThat(Duration.between(admin.getIssueTime().toInstant(), admin.getExpirationTime().toInstant()))
				.isEqualTo(Duration.ofHours(12));
	}

	@Test
	void refusesBadTokenRequestsAsProblems() throws Exception {
		assertBadRequest("not json", "must be a JSON object");
		assertBadRequest("[\"admin\"]", "must be a JSON object");
		assertBadRequest("", "must be a JSON object");
		assertBadRequest("{}", "No role given");
		assertBadRequest("{\"role\": \"chef\"}", "Unknown role 'chef': expected admin, consumer or kitchen");
		assertBadRequest("{\"role\": \"consumer\"}", "A consumer token needs the consumer's id");
		assertBadRequest("{\"role\": \"kitchen\"}", "A kitchen token needs the restaurant's id");
		assertBadRequest("{\"role\": \"admin\", \"restaurantId\": \"" + UUID.randomUUID() + "\"}",
				"Only a kitchen token takes a restaurant id");
		assertBadRequest("{\"role\": \"consumer\", \"consumerId\": \"42\"}", "consumerId must be a UUID, not '42'");
		assertBadRequest("{\"role\": \"consumer\", \"consumerId\": 42}", "consumerId must be a string");
		assertBadRequest("{\"role\": \"admin\", \"ttlSeconds\": \"soon\"}", "ttlSeconds must be a whole number");
		assertBadRequest("{\"role\": \"admin\", \"ttlSeconds\": 1.5}", "ttlSeconds must be a whole number");
	}

	@Test
	void otherMethodsAreNotAllowed() throws Exception {
		HttpResponse<String> getTokens = get(server.tokensUri());
		HttpResponse<String> postJwks = send(HttpRequest.newBuilder(server.jwkSetUri()).POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(getTokens.statusCode()).isEqualTo(405);
		assertThat(getTokens.headers().firstValue("Allow")).hasValue("POST");
		assertThat(getTokens.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(postJwks.statusCode()).isEqualTo(405);
		assertThat(postJwks.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void otherPathsAreNotFound() throws Exception {
		HttpResponse<String> response = get(URI.create("http://127.0.0.1:" + server.port() + "/oauth/token"));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void stopsListeningOnStopAndCanStartAgain() throws Exception {
		URI jwks = server.jwkSetUri();

		server.stop();

		assertThat(server.isAlive()).isFalse();
		assertThatThrownBy(() -> get(jwks)).isInstanceOf(ConnectException.class);
		server.start();
		assertThat(get(server.jwkSetUri()).statusCode()).isEqualTo(200);
	}

	@Test
	void neverKeepsTheJvmAlive() {
		assertThat(Thread.getAllStackTraces().keySet())
				.filteredOn(thread -> thread.getName().startsWith("HTTP-Dispatcher") || thread.getName().startsWith("identity-"))
				.isNotEmpty()
				.allMatch(Thread::isDaemon);
	}

	@Test
	void aTakenPortIsReportedWithTheOptionThatMovesIt() {
		try (IdentityServer second = new IdentityServer(issuer, server.port())) {
			assertThatThrownBy(second::start)
					.isInstanceOf(PortInUseException.class)
					.hasMessageContaining("(identity)")
					.hasMessageContaining("--identity-port=...");
		}
	}

	@Test
	void listensOnLoopbackUnlessToldOtherwise() {
		assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
	}

	@Test
	void servesTheJwkSetOnTheChosenAddress() throws Exception {
		try (IdentityServer everywhere = new IdentityServer(issuer, InetAddress.getByName("0.0.0.0"), 0)) {
			everywhere.start();

			assertThat(everywhere.address().getAddress().isAnyLocalAddress()).isTrue();
			assertThat(everywhere.jwkSetUri()).hasToString("http://127.0.0.1:" + everywhere.port() + "/.well-known/jwks.json");
			HttpResponse<String> response = get(everywhere.jwkSetUri());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(issuer.jwkSetJson());
		}
	}

	@Test
	void anAddressOfAnotherMachineIsNotReportedAsAPortInUse() throws Exception {
		// TEST-NET-1 (RFC 5737): documentation only, assigned to no machine
		try (IdentityServer elsewhere = new IdentityServer(issuer, InetAddress.getByName("192.0.2.1"), 0)) {
			assertThatThrownBy(elsewhere::start)
					.isInstanceOf(StackException.class)
					.isNotInstanceOf(PortInUseException.class)
					.hasMessageStartingWith("Cannot listen on 192.0.2.1: it is no address of this machine");
		}
	}

	@Test
	void withAKeyFileItServesTheStoredKeyAfterARestart(@TempDir Path runDir) {
		Path keyFile = runDir.resolve("signing-key.jwk.json");
		try (IdentityServer stored = IdentityServer.withKeyFile(keyFile, 0)) {
			stored.start();
			String keyId = stored.issuer().keyId();
			stored.stop();

			stored.start();

			assertThat(stored.issuer().keyId()).isEqualTo(keyId);
			assertThat(TokenIssuer.load(keyFile)).get().extracting(TokenIssuer::keyId).isEqualTo(keyId);
		}
	}

	private void assertBadRequest(String body, String detail) throws Exception {
		HttpResponse<String> response = postToken(body);

		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		Map<String, Object> problem = JSONObjectUtils.parse(response.body());
		assertThat(problem).containsEntry("status", 400L).containsEntry("title", "Bad Request")
				.containsEntry("instance", "/tokens");
		assertThat((String) problem.get("detail")).as(body).contains(detail);
	}

	private HttpResponse<String> postToken(String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(server.tokensUri()).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static JWTClaimsSet claimsOf(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SignedJWT.parse((String) JSONObjectUtils.parse(response.body()).get("token")).getJWTClaimsSet();
	}

	private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri).GET());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
