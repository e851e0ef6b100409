package dev.ftgo.security;

import java.io.IOException;
import java.util.LinkedHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 401 and 403 the security filter chain answers, as the RFC 9457 {@code application/problem+json} the
 * services' own errors are. Spring's bearer-token handlers still set the status and the
 * {@code WWW-Authenticate: Bearer ...} header (with {@code error="invalid_token"} and its description when a
 * token was sent but refused); this only adds the body.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		bearerEntryPoint.commence(request, response, failure);
		write(request, response, HttpStatus.UNAUTHORIZED, unauthorizedDetail(failure));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		bearerAccessDenied.handle(request, response, denied);
		write(request, response, HttpStatus.FORBIDDEN, "The caller may not do this.");
	}

	/** Spring's description of a refused token says why (expired, signature, audience) and is in the header anyway. */
	private static String unauthorizedDetail(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException refused && refused.getError().getDescription() != null) {
			return "The bearer token was refused: " + refused.getError().getDescription();
		}
		return "This request needs a bearer token: send 'Authorization: Bearer <token>'.";
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
	}
}
