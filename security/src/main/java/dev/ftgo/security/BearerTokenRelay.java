package dev.ftgo.security;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends the current caller's bearer token on an outgoing call, so that the called service applies its own
 * rules to the same caller: {@code RestClient.builder().requestInterceptor(relay)}. Add it only to clients of
 * the FTGO services, never to a third party's. A request that already has an {@code Authorization} header is
 * left alone; without a token (a Kafka listener, a scheduled job) nothing is added.
 *
 * <p>The token comes from the security context ({@link AbstractOAuth2TokenAuthenticationToken}, e.g. the
 * {@code JwtAuthenticationToken} of the resource server), else from the {@code Authorization} header of the
 * current servlet request. Both live in thread-locals of the request thread: when the call runs on another
 * thread (a Resilience4j {@code TimeLimiter} or thread-pool bulkhead executor, {@code CompletableFuture.supplyAsync})
 * neither is there. Capture the token on the request thread and bind it around the call on the other one:
 *
 * <pre>{@code
 * var call = BearerTokenRelay.propagating(() -> http.get().uri(...).retrieve().body(Answer.class));
 * CompletableFuture.supplyAsync(call, executor);
 * }</pre>
 *
 * or, in two steps, {@code var token = BearerTokenRelay.currentToken();} then
 * {@code BearerTokenRelay.withToken(token.orElse(null), () -> ...)}. Spring Security's
 * {@code DelegatingSecurityContextExecutorService} around the executor does the same for every task.
 */
public final class BearerTokenRelay implements ClientHttpRequestInterceptor {

	private static final String BEARER = "Bearer ";
	/** Set only inside {@link #withToken}; empty there means "relay nothing", even on the request thread. */
	private static final ThreadLocal<Optional<String>> BOUND = new ThreadLocal<>();

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			currentToken().ifPresent(token -> request.getHeaders().setBearerAuth(token));
		}
		return execution.execute(request, body);
	}

	/**
	 * The token this thread acts with: the one bound by {@link #withToken}, else the authenticated caller's, else
	 * the current request's {@code Authorization: Bearer} header.
	 */
	public static Optional<String> currentToken() {
		var bound = BOUND.get();
		if (bound != null) {
			return bound;
		}
		var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> oauth) {
			return Optional.of(oauth.getToken().getTokenValue());
		}
		return requestHeaderToken();
	}

	/** Runs the call with this token relayed (none when {@code null}), on whatever thread it runs. */
	public static <T> T withToken(String token, Supplier<T> call) {
		var previous = BOUND.get();
		BOUND.set(Optional.ofNullable(token));
		try {
			return call.get();
		}
		finally {
			if (previous == null) {
				BOUND.remove();
			}
			else {
				BOUND.set(previous);
			}
		}
	}

	/** Captures the current token now, for a call that will run later, possibly on another thread. */
	public static <T> Supplier<T> propagating(Supplier<T> call) {
		var token = currentToken().orElse(null);
		return () -> withToken(token, call);
	}

	private static Optional<String> requestHeaderToken() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)) {
			return Optional.empty();
		}
		var header = servlet.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		var token = header.substring(BEARER.length()).trim();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}
}
