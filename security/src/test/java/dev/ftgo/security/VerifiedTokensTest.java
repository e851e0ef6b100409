package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

	private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

	private final MovingClock clock = new MovingClock();
	private final List<String> verifiedByTheDelegate = new ArrayList<>();
	/** Accepts every token but "forged"; each token expires ten minutes after the clock's start. */
	private final JwtDecoder delegate = token -> {
		verifiedByTheDelegate.add(token);
		if (token.equals("forged")) {
			throw new BadJwtException("An error occurred while attempting to decode the Jwt: Invalid signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("admin").issuedAt(START)
				.expiresAt(START.plus(Duration.ofMinutes(10))).build();
	};

	private JwtDecoder caching(Duration maximumAge) {
		return new VerifiedTokens(new VerifiedTokens.Settings(true, 100, maximumAge), clock).caching(delegate);
	}

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		var decoder = caching(Duration.ofMinutes(5));

		var first = decoder.decode("token-a");
		var again = decoder.decode("token-a");
		decoder.decode("token-b");

		assertThat(again).isSameAs(first);
		assertThat(verifiedByTheDelegate).containsExactly("token-a", "token-b");
	}

	@Test
	void aRefusedTokenIsNotKeptAndIsRefusedEveryTime() {
		var decoder = caching(Duration.ofMinutes(5));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged"));
		}
		assertThat(verifiedByTheDelegate).containsExactly("forged", "forged");
	}

	@Test
	void anExpiredTokenGoesBackToTheDelegate() {
		// kept for at most an hour, but the token expires after ten minutes
		var decoder = caching(Duration.ofHours(1));
		decoder.decode("token-a");

		clock.advance(Duration.ofMinutes(10));
		decoder.decode("token-a");

		assertThat(verifiedByTheDelegate).containsExactly("token-a", "token-a");
	}

	@Test
	void aTokenIsVerifiedAgainOnceItIsOlderThanTheMaximumAge() {
		var decoder = caching(Duration.ofMinutes(2));
		decoder.decode("token-a");

		clock.advance(Duration.ofSeconds(119));
		decoder.decode("token-a");
		clock.advance(Duration.ofSeconds(2));
		decoder.decode("token-a");

		assertThat(verifiedByTheDelegate).containsExactly("token-a", "token-a");
	}

	@Test
	void settingsRefuseNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedTokens.Settings(true, 0, Duration.ofMinutes(1)))
				.withMessageContaining("maximum-size");
		assertThatIllegalArgumentException().isThrownBy(() -> new VerifiedTokens.Settings(true, 10, Duration.ZERO))
				.withMessageContaining("maximum-age");
	}

	private static final class MovingClock extends Clock {

		private Instant now = START;

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
