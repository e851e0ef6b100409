package dev.ftgo.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request alone shows that the caller may not do this: a 403 {@code application/problem+json} with title
 * {@code Forbidden}.
 *
 * <p>An {@link ErrorResponseException}, so a service's {@code @RestControllerAdvice} that extends
 * {@code ResponseEntityExceptionHandler} renders it as it is, without a handler of its own (the base class's
 * handler for {@code ErrorResponseException} is more specific than a catch-all {@code Exception} handler).
 *
 * <p>Services throw this one, not Spring Security's {@code AccessDeniedException}: that one must reach the
 * security filter chain, which a catch-all handler would prevent (a 500 instead of a 403). This library passes
 * Spring Security's exceptions through any advice, but a 403 the service decides is the service's to render.
 */
public class AccessRefusedException extends ErrorResponseException {

	public AccessRefusedException(String detail) {
		super(HttpStatus.FORBIDDEN, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle("Forbidden");
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}
}
