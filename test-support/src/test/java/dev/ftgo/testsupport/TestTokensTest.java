package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.node.JsonNodeFactory;

class TestTokensTest {

	@Test
	void registerPointsBothPropertiesAtAJwkSetThatVerifiesTheTokens() throws Exception {
		Map<String, Object> properties = new HashMap<>();

		TestTokens.register((name, value) -> properties.put(name, value.get()));

		assertThat(properties).containsOnlyKeys("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "ftgo.jwk-set-uri");
		String jwkSetUri = (String) properties.get("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
		assertThat(properties.get("ftgo.jwk-set-uri")).isEqualTo(jwkSetUri);
		assertThat(jwkSetUri).matches("http://127\\.0\\.0\\.1:\\d+/\\.well-known/jwks\\.json");
		assertThat(verifiesAgainst(URI.create(jwkSetUri), TestTokens.admin())).isTrue();
		assertThat(verifiesAgainst(URI.create(jwkSetUri), TestTokens.signedByAnotherKey())).isFalse();
	}

	@Test
	void oneIssuerPerJvm() {
		assertThat(TestTokens.issuer()).isSameAs(TestTokens.issuer());
		assertThat(TestTokens.jwkSetUri()).isEqualTo(TestTokens.jwkSetUri());
	}

	@Test
	void takesIdsAsUuidsStringsOrJsonStrings() throws Exception {
		UUID id = UUID.randomUUID();

		assertThat(subject(TestTokens.consumer(id))).isEqualTo(id.toString());
		assertThat(subject(TestTokens.consumer(id.toString()))).isEqualTo(id.toString());
		assertThat(subject(TestTokens.consumer(JsonNodeFactory.instance.stringNode(id.toString())))).isEqualTo(id.toString());
		assertThat(SignedJWT.parse(TestTokens.kitchen(id.toString())).getJWTClaimsSet().getStringClaim("restaurant_id"))
				.isEqualTo(id.toString());
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.consumer(42));
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.kitchen(null));
	}

	@Test
	void expiredIsSignedProperlyButPastItsExpiry() throws Exception {
		SignedJWT jwt = SignedJWT.parse(TestTokens.expired());

		assertThat(verifiesAgainst(TestTokens.jwkSetUri(), TestTokens.expired())).isTrue();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isBefore(Instant.now());
	}

	@Test
	void fromAnotherIssuerAndForAnotherAudienceDifferOnlyInThatClaim() throws Exception {
		var own = SignedJWT.parse(TestTokens.admin()).getJWTClaimsSet();
		var otherIssuer = SignedJWT.parse(TestTokens.fromAnotherIssuer()).getJWTClaimsSet();
		var otherAudience = SignedJWT.parse(TestTokens.forAnotherAudience()).getJWTClaimsSet();

		assertThat(verifiesAgainst(TestTokens.jwkSetUri(), TestTokens.fromAnotherIssuer())).isTrue();
		assertThat(verifiesAgainst(TestTokens.jwkSetUri(), TestTokens.forAnotherAudience())).isTrue();
		assertThat(otherIssuer.getIssuer()).isEqualTo("https://another-issuer.example").isNotEqualTo(own.getIssuer());
		assertThat(otherIssuer.getAudience()).isEqualTo(own.getAudience());
		assertThat(otherAudience.getAudience()).containsExactly("another-api").isNotEqualTo(own.getAudience());
		assertThat(otherAudience.getIssuer()).isEqualTo(own.getIssuer());
		for (var claims : List.of(otherIssuer, otherAudience)) {
			assertThat(claims.getSubject()).isEqualTo(own.getSubject());
			assertThat(claims.getStringListClaim("roles")).isEqualTo(own.getStringListClaim("roles"));
			assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
		}
	}

	private static String subject(String token) throws Exception {
		return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
	}

	private static boolean verifiesAgainst(URI jwkSetUri, String token) throws Exception {
		HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jwkSetUri).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(jwks.statusCode()).isEqualTo(200);
		return SignedJWT.parse(token).verify(new RSASSAVerifier(JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey()));
	}
}
