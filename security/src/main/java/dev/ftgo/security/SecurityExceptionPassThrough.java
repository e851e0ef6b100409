package dev.ftgo.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Lets Spring Security's own exceptions, thrown by a controller or by method security ({@code @PreAuthorize}),
 * leave Spring MVC so that the filter chain's {@code ExceptionTranslationFilter} turns them into 401/403
 * problem+json. Without it, a service's catch-all {@code @ExceptionHandler(Exception.class)} would answer 500.
 * Rethrowing the exception it was given makes Spring MVC treat it as unhandled; the first advice in order that
 * has a matching handler wins, hence the highest precedence.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptionPassThrough {

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrow(RuntimeException securityException) {
		throw securityException;
	}
}
