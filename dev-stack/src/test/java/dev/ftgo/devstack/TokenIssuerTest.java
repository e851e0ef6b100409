package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class TokenIssuerTest {

	private static final TokenIssuer ISSUER = TokenIssuer.generate();

	@TempDir
	Path runDir;

	@Test
	void signsRs256WithTheKeyIdOfItsJwkSet() throws Exception {
		SignedJWT jwt = SignedJWT.parse(ISSUER.admin());

		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(ISSUER.keyId()).isNotBlank();
		assertThat(verifies(jwt, ISSUER.jwkSetJson())).isTrue();
	}

	@Test
	void anotherIssuersJwkSetDoesNotVerifyTheToken() throws Exception {
		SignedJWT jwt = SignedJWT.parse(ISSUER.admin());
		RSAKey otherKey = JWKSet.parse(TokenIssuer.generate().jwkSetJson()).getKeys().get(0).toRSAKey();

		assertThat(jwt.verify(new RSASSAVerifier(otherKey))).isFalse();
	}

	@Test
	void adminTokenCarriesTheAgreedClaims() throws Exception {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		JWTClaimsSet claims = SignedJWT.parse(ISSUER.admin()).getJWTClaimsSet();

		assertThat(claims.getIssuer()).isEqualTo("ftgo-dev-stack");
		assertThat(claims.getAudience()).containsExactly("ftgo");
		assertThat(claims.getSubject()).isEqualTo("admin");
		assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
		assertThat(claims.getClaims()).doesNotContainKey("restaurant_id");
		assertThat(claims.getIssueTime().toInstant()).isBetween(before, Instant.now());
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
				.isEqualTo(Duration.ofHours(12));
		assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
	}

	@Test
	void consumerTokenNamesTheConsumerAsSubject() throws Exception {
		UUID consumerId = UUID.randomUUID();

		JWTClaimsSet claims = SignedJWT.parse(ISSUER.consumer(consumerId)).getJWTClaimsSet();

		assertThat(claims.getSubject()).isEqualTo(consumerId.toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("consumer");
		assertThat(claims.getClaims()).doesNotContainKey("restaurant_id");
	}

	@Test
	void kitchenTokenCarriesTheRestaurant() throws Exception {
		UUID restaurantId = UUID.randomUUID();

		JWTClaimsSet claims = SignedJWT.parse(ISSUER.kitchen(restaurantId)).getJWTClaimsSet();

		assertThat(claims.getSubject()).isEqualTo("kitchen-" + restaurantId);
		assertThat(claims.getStringListClaim("roles")).containsExactly("kitchen");
		assertThat(claims.getStringClaim("restaurant_id")).isEqualTo(restaurantId.toString());
	}

	@Test
	void mintTakesAnyRolesAndTtlAndReportsTheExpiryItWrote() throws Exception {
		TokenIssuer.IssuedToken token = ISSUER.issue("robot", List.of("admin", "courier"), null, Duration.ofMinutes(5));

		JWTClaimsSet claims = SignedJWT.parse(token.value()).getJWTClaimsSet();
		assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "courier");
		assertThat(claims.getExpirationTime().toInstant()).isEqualTo(token.expiresAt());
		assertThat(token.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(2, ChronoUnit.SECONDS));
	}

	@Test
	void aNegativeTtlMintsAnAlreadyExpiredToken() throws Exception {
		String token = ISSUER.mint("admin", List.of("admin"), null, Duration.ofMinutes(-1));

		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant()).isBefore(Instant.now());
	}

	@Test
	void mintCanChangeOneClaimAndStillSignsWithItsKey() throws Exception {
		SignedJWT jwt = SignedJWT.parse(ISSUER.mint("admin", List.of("admin"), null, Duration.ofMinutes(5),
				claims -> claims.issuer("https://another-issuer.example")));

		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("https://another-issuer.example");
		assertThat(claims.getAudience()).containsExactly("ftgo");
		assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
		assertThat(verifies(jwt, ISSUER.jwkSetJson())).isTrue();
	}

	@Test
	void everyTokenHasItsOwnId() throws Exception {
		assertThat(SignedJWT.parse(ISSUER.admin()).getJWTClaimsSet().getJWTID())
				.isNotEqualTo(SignedJWT.parse(ISSUER.admin()).getJWTClaimsSet().getJWTID());
	}

	@Test
	void theJwkSetHoldsThePublicKeyOnly() throws Exception {
		Map<String, Object> jwkSet = JSONObjectUtils.parse(ISSUER.jwkSetJson());

		List<Object> keys = JSONObjectUtils.getJSONArray(jwkSet, "keys");
		assertThat(keys).hasSize(1);
		@SuppressWarnings("unchecked")
		Map<String, Object> key = (Map<String, Object>) keys.get(0);
		assertThat(key).containsEntry("kty", "RSA").containsEntry("kid", ISSUER.keyId()).containsEntry("alg", "RS256")
				.containsEntry("use", "sig").containsKeys("n", "e")
				.doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth");
		assertThat(JWKSet.parse(ISSUER.jwkSetJson()).getKeys().get(0).toRSAKey().size()).isEqualTo(2048);
	}

	@Test
	void aPersistentKeyIsReloadedSoEarlierTokensStillVerify() throws Exception {
		Path keyFile = runDir.resolve("data/identity/signing-key.jwk.json");
		TokenIssuer first = TokenIssuer.loadOrCreate(keyFile);
		String earlier = first.consumer(UUID.randomUUID());

		TokenIssuer reloaded = TokenIssuer.loadOrCreate(keyFile);

		assertThat(reloaded.keyId()).isEqualTo(first.keyId());
		assertThat(reloaded.jwkSetJson()).isEqualTo(first.jwkSetJson());
		assertThat(verifies(SignedJWT.parse(earlier), reloaded.jwkSetJson())).isTrue();
		assertThat(verifies(SignedJWT.parse(reloaded.admin()), first.jwkSetJson())).isTrue();
		assertThat(TokenIssuer.load(keyFile)).get().extracting(TokenIssuer::keyId).isEqualTo(first.keyId());
	}

	@Test
	void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
		Path keyFile = runDir.resolve("signing-key.jwk.json");

		TokenIssuer.loadOrCreate(keyFile);

		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		} else {
			// Windows: no modes; the file keeps the ACL of its folder, and belongs to whoever runs the stack
			assertThat(Files.getOwner(keyFile).getName()).endsWith(System.getProperty("user.name"));
		}
		assertThat(JSONObjectUtils.parse(Files.readString(keyFile))).containsKeys("d", "kid");
		assertThat(runDir.resolve("signing-key.jwk.json.tmp")).doesNotExist();
	}

	@Test
	void withoutAKeyFileLoadFindsNothingAndCreatesNothing() {
		Path keyFile = runDir.resolve("absent.jwk.json");

		assertThat(TokenIssuer.load(keyFile)).isEmpty();
		assertThat(keyFile).doesNotExist();
	}

	@Test
	void aKeyFileWithoutAPrivateKeyIsReportedWithWhatToDo() throws Exception {
		Path keyFile = runDir.resolve("signing-key.jwk.json");
		Files.writeString(keyFile, JWKSet.parse(ISSUER.jwkSetJson()).getKeys().get(0).toJSONString());

		assertThatThrownBy(() -> TokenIssuer.loadOrCreate(keyFile))
				.isInstanceOf(StackException.class)
				.hasMessageContaining(keyFile.toString())
				.hasMessageContaining("--reset");
	}

	private static boolean verifies(SignedJWT jwt, String jwkSetJson) throws Exception {
		RSAKey publicKey = JWKSet.parse(jwkSetJson).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
		return jwt.verify(new RSASSAVerifier(publicKey));
	}
}
