package dev.ftgo.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The tokens this process has already verified, each kept until it expires, so that a client's next request
 * with the same token is not verified again. A client sends one token with many requests, and every request
 * passes through the gateway and a service or two, each of which checks the token's RSA signature and claims:
 * the bench's flame graphs put 6-11 % of those processes' CPU there.
 * <p>
 * Only a token that the decoder accepted is kept, under its whole compact form (signature included), so a token
 * that differs in one character is verified afresh. An entry goes at the token's expiry or after
 * {@code maximumAge}, whichever comes first: that age bounds how long a token stays accepted here after its
 * signing key was withdrawn from the JWK set. {@code maximumSize} bounds the memory (least recently used first).
 */
public final class VerifiedTokens {

	/** Where {@link Settings} bind. */
	public static final String PROPERTIES = "ftgo.security.verified-tokens";

	/**
	 * {@code ftgo.security.verified-tokens.*}.
	 *
	 * @param enabled off: every token is verified on every request
	 * @param maximumSize tokens kept at most
	 * @param maximumAge the longest a token is kept, however long it stays valid
	 */
	@ConfigurationProperties(PROPERTIES)
	public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("10000") int maximumSize,
			@DefaultValue("5m") Duration maximumAge) {

		public Settings {
			if (maximumSize < 1) {
				throw new IllegalArgumentException("ftgo.security.verified-tokens.maximum-size must be at least 1, was "
						+ maximumSize);
			}
			if (maximumAge.isNegative() || maximumAge.isZero()) {
				throw new IllegalArgumentException("ftgo.security.verified-tokens.maximum-age must be positive, was "
						+ maximumAge);
			}
		}
	}

	private final Cache<String, Jwt> tokens;
	private final Clock clock;

	public VerifiedTokens(Settings settings, Clock clock) {
		this.clock = clock;
		this.tokens = Caffeine.newBuilder()
				.maximumSize(settings.maximumSize())
				.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, settings.maximumAge())))
				.ticker(() -> clock.millis() * 1_000_000L)
				.build();
	}

	/** A decoder that asks {@code delegate} only for the tokens it has not verified yet (or no longer keeps). */
	public JwtDecoder caching(JwtDecoder delegate) {
		return new Caching(delegate, this);
	}

	/** The verified token, if this one was verified before and has not expired since. */
	public Optional<Jwt> find(String token) {
		var jwt = tokens.getIfPresent(token);
		return jwt == null || isExpired(jwt) ? Optional.empty() : Optional.of(jwt);
	}

	/** Keeps a token the decoder has just accepted; returns it. */
	public Jwt remember(String token, Jwt verified) {
		if (!isExpired(verified)) {
			tokens.put(token, verified);
		}
		return verified;
	}

	private boolean isExpired(Jwt jwt) {
		var expiresAt = jwt.getExpiresAt();
		return expiresAt != null && !clock.instant().isBefore(expiresAt);
	}

	private Duration lifetime(Jwt jwt, Duration maximumAge) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return maximumAge;
		}
		var untilExpiry = Duration.between(clock.instant(), expiresAt);
		if (untilExpiry.isNegative()) {
			return Duration.ZERO;
		}
		return untilExpiry.compareTo(maximumAge) < 0 ? untilExpiry : maximumAge;
	}

	private static final class Caching implements JwtDecoder {

		private final JwtDecoder delegate;
		private final VerifiedTokens verified;

		Caching(JwtDecoder delegate, VerifiedTokens verified) {
			this.delegate = delegate;
			this.verified = verified;
		}

		@Override
		public Jwt decode(String token) {
			return verified.find(token).orElseGet(() -> verified.remember(token, delegate.decode(token)));
		}
	}
}
