package dev.ftgo.security;

import java.net.URI;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method's {@link Caller} parameter the authenticated caller of the current request. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		var authentication = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Caller.of(token.getToken());
		}
		// only on a path the filter chain lets through without a token: a misconfiguration, but a 401, not a 500
		throw new NoCallerException();
	}

	static final class NoCallerException extends ErrorResponseException {

		NoCallerException() {
			super(HttpStatus.UNAUTHORIZED, problem(), null);
			getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}

		private static ProblemDetail problem() {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"This request needs a bearer token: send 'Authorization: Bearer <token>'.");
			problem.setTitle("Unauthorized");
			problem.setType(URI.create("about:blank"));
			return problem;
		}
	}
}
