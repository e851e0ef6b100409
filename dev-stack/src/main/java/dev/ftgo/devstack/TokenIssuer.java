package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the JWTs the services accept (RS256, one RSA-2048 key with a {@code kid}) and publishes the
 * matching public key as a JWK set. Only the dev stack and tests issue tokens; nothing in a service signs.
 *
 * <p>Claims: {@code iss} {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code sub}, {@code roles}
 * (array), {@code restaurant_id} (when given), {@code iat}, {@code exp}, {@code jti}. A consumer's
 * {@code sub} is its consumerId, kitchen staff carry the restaurant they work at.
 */
public final class TokenIssuer {

	public static final String ISSUER = "ftgo-dev-stack";
	public static final String AUDIENCE = "ftgo";
	public static final String ROLES_CLAIM = "roles";
	public static final String RESTAURANT_ID_CLAIM = "restaurant_id";
	public static final String ADMIN = "admin";
	public static final String CONSUMER = "consumer";
	public static final String KITCHEN = "kitchen";
	public static final Duration DEFAULT_TTL = Duration.ofHours(12);

	private static final int KEY_SIZE = 2048;

	private final RSAKey key;
	private final RSASSASigner signer;

	private TokenIssuer(RSAKey key) {
		if (!key.isPrivate()) {
			throw new IllegalArgumentException("A token issuer needs a private key; key " + key.getKeyID() + " is public only");
		}
		this.key = key;
		try {
			this.signer = new RSASSASigner(key);
		} catch (JOSEException e) {
			throw new IllegalArgumentException("Unusable RSA key " + key.getKeyID() + ": " + e.getMessage(), e);
		}
	}

	/** An issuer with a fresh key that lives only as long as this object, e.g. for one test JVM. */
	public static TokenIssuer generate() {
		try {
			return new TokenIssuer(new RSAKeyGenerator(KEY_SIZE)
					.keyID(UUID.randomUUID().toString())
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate());
		} catch (JOSEException e) {
			throw new IllegalStateException("Could not generate an RSA key", e);
		}
	}

	/**
	 * The issuer whose key is stored in {@code keyFile} (a private JWK, readable by its owner only),
	 * generating and storing one first when the file does not exist. Tokens therefore stay valid across
	 * restarts of the stack as long as the file is kept.
	 */
	public static TokenIssuer loadOrCreate(Path keyFile) {
		return load(keyFile).orElseGet(() -> {
			TokenIssuer created = generate();
			SecretFile.write(keyFile, created.key.toJSONString());
			return created;
		});
	}

	/** The issuer stored in {@code keyFile}, empty when there is no such file. */
	public static Optional<TokenIssuer> load(Path keyFile) {
		if (!Files.exists(keyFile)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new TokenIssuer(RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8))));
		} catch (ParseException | IllegalArgumentException e) {
			throw new StackException("The signing key " + keyFile + " is not a private RSA JWK (" + e.getMessage()
					+ "). Delete it (tokens signed with it stop working) or start with --reset.");
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read the signing key " + keyFile, e);
		}
	}

	/** The key's id, sent as the {@code kid} header of every token. */
	public String keyId() {
		return key.getKeyID();
	}

	/** {@code {"keys": [...]}} with the public key only, as served at {@code /.well-known/jwks.json}. */
	public String jwkSetJson() {
		return new JWKSet(key.toPublicJWK()).toString(true);
	}

	/** A token for an operator: {@code sub} {@value #ADMIN}, role admin, {@link #DEFAULT_TTL}. */
	public String admin() {
		return mint(ADMIN, List.of(ADMIN), null, DEFAULT_TTL);
	}

	/** A token for the consumer with this id (its {@code sub}), {@link #DEFAULT_TTL}. */
	public String consumer(UUID consumerId) {
		return mint(consumerId.toString(), List.of(CONSUMER), null, DEFAULT_TTL);
	}

	/** A token for staff of this restaurant ({@code sub} {@code kitchen-<id>}), {@link #DEFAULT_TTL}. */
	public String kitchen(UUID restaurantId) {
		return mint(kitchenSubject(restaurantId), List.of(KITCHEN), restaurantId, DEFAULT_TTL);
	}

	static String kitchenSubject(UUID restaurantId) {
		return "kitchen-" + restaurantId;
	}

	/**
	 * Any token, without checks on the roles or their combination, so that tests can also build tokens
	 * a real identity provider would never issue. A negative {@code ttl} gives one that has already expired.
	 */
	public String mint(String subject, List<String> roles, UUID restaurantIdOrNull, Duration ttl) {
		return issue(subject, roles, restaurantIdOrNull, ttl).value();
	}

	/**
	 * As {@link #mint}, with the claims changed by {@code adjust} before they are signed: a token that is wrong in
	 * one respect only, such as another {@code iss} or {@code aud}, which a resource server must refuse although
	 * the signature is good.
	 */
	public String mint(String subject, List<String> roles, UUID restaurantIdOrNull, Duration ttl,
			UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return issue(subject, roles, restaurantIdOrNull, ttl, adjust).value();
	}

	/** As {@link #mint}, also returning the expiry written into the token. */
	public IssuedToken issue(String subject, List<String> roles, UUID restaurantIdOrNull, Duration ttl) {
		return issue(subject, roles, restaurantIdOrNull, ttl, UnaryOperator.identity());
	}

	private IssuedToken issue(String subject, List<String> roles, UUID restaurantIdOrNull, Duration ttl,
			UnaryOperator<JWTClaimsSet.Builder> adjust) {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(roles, "roles");
		// JWT times are whole seconds; truncating keeps the reported expiry equal to the exp claim
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plusSeconds(ttl.toSeconds());
		// an expired token was issued an hour before it expired, so that it fails as expired, not as malformed
		Instant issuedAt = ttl.isNegative() ? expiresAt.minus(Duration.ofHours(1)) : now;
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
				.issuer(ISSUER)
				.audience(AUDIENCE)
				.subject(subject)
				.claim(ROLES_CLAIM, List.copyOf(roles))
				.issueTime(Date.from(issuedAt))
				.expirationTime(Date.from(expiresAt))
				.jwtID(UUID.randomUUID().toString());
		if (restaurantIdOrNull != null) {
			claims.claim(RESTAURANT_ID_CLAIM, restaurantIdOrNull.toString());
		}
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
		SignedJWT jwt = new SignedJWT(header, adjust.apply(claims).build());
		try {
			jwt.sign(signer);
		} catch (JOSEException e) {
			throw new IllegalStateException("Could not sign a token with key " + key.getKeyID(), e);
		}
		return new IssuedToken(jwt.serialize(), expiresAt);
	}

	/** A signed token (compact serialisation) and the instant its {@code exp} claim names. */
	public record IssuedToken(String value, Instant expiresAt) {
	}
}
