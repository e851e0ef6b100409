package dev.ftgo.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

import dev.ftgo.gateway.web.ProblemException;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problems, like every other answer of the gateway. Spring Security's own handlers
 * answer with an empty body; these raise a {@link ProblemException} instead, which the gateway's error
 * handler renders. A 401 carries {@code WWW-Authenticate} as RFC 6750 describes it: plain
 * {@code Bearer} when no token came, {@code error="invalid_token"} and why when one was refused.
 */
final class RefusalProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
		if (refused instanceof AuthenticationServiceException) {
			// the token could not be checked at all (JWK set out of reach): a 503, not the caller's fault
			return Mono.error(refused);
		}
		if (refused instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
			var description = error.getDescription() != null ? error.getDescription() : error.getErrorCode();
			var challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + quoted(description) + "\"";
			return Mono.error(new ProblemException(error.getHttpStatus(),
					"The bearer token was refused: " + sentence(description), challenge(challenge)));
		}
		return Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED,
				"This request needs an access token: send it as 'Authorization: Bearer <token>'.", challenge("Bearer")));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		String reason = exchange.getAttribute(GatewayAccessPolicy.REFUSAL);
		return Mono.error(new ProblemException(HttpStatus.FORBIDDEN,
				reason != null ? reason : "Your token does not allow this request.", HttpHeaders.EMPTY));
	}

	/**
	 * A request Spring Security's firewall refuses before any filter sees it (an encoded slash or percent, a
	 * {@code ..} segment, a non-printable header): a 400 problem instead of the firewall's bare status.
	 */
	static Mono<Void> rejected(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST,
				"The request was refused: " + sentence(rejected.getMessage()), HttpHeaders.EMPTY));
	}

	private static HttpHeaders challenge(String value) {
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, value);
		return headers;
	}

	private static String sentence(String text) {
		return text.endsWith(".") ? text : text + ".";
	}

	private static String quoted(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
