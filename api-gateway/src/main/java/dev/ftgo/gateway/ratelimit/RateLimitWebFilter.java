package dev.ftgo.gateway.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.ftgo.gateway.web.ProblemException;

import reactor.core.publisher.Mono;

/**
 * Limits each client, known by its token's subject, to the configured rate; over it the answer is
 * 429 with {@code Retry-After} in whole seconds. It runs inside the security chain, after the token
 * was checked and before access is decided, so refused requests count too. Requests without a token
 * are not limited here: they never get past the security chain to a service.
 * <p>
 * Not a bean on purpose: as a {@code WebFilter} bean it would also run outside the security chain.
 */
public final class RateLimitWebFilter implements WebFilter {

	private final ClientRateLimiter limiter;
	private final RateLimitSettings settings;

	public RateLimitWebFilter(RateLimitSettings settings) {
		this.settings = settings;
		this.limiter = new ClientRateLimiter(settings);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(token -> limiter.acquire(token.getName()))
			.defaultIfEmpty(Duration.ZERO)
			.flatMap(wait -> wait.isZero() ? chain.filter(exchange) : Mono.error(tooManyRequests(wait)));
	}

	private ProblemException tooManyRequests(Duration wait) {
		long seconds = Math.max(1, (wait.toNanos() + 999_999_999) / 1_000_000_000);
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this client: the limit is " + rate() + " requests a second, in bursts of up to "
						+ settings.burst() + ". Retry in " + seconds + (seconds == 1 ? " second." : " seconds."),
				headers);
	}

	private String rate() {
		var perSecond = settings.requestsPerSecond();
		return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
	}
}
