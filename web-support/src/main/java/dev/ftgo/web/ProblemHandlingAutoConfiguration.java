package dev.ftgo.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a servlet service as RFC 9457 {@code application/problem+json}: the framework's own (415, 405,
 * 404, ...), invalid input as 400 with the wrong fields named in {@code errors}, a lost optimistic-locking race as
 * 409, an unreachable database as 503 with {@code Retry-After}, and anything else as a 500 that tells nothing of
 * the failure. A service adds its domain's exceptions in its own {@code @RestControllerAdvice}, ordered
 * {@link Problems#SERVICE_ADVICE_ORDER} and built with {@link Problems}.
 *
 * <p>Before Boot's MVC auto-configuration, whose {@code spring.mvc.problemdetails} handler then stands aside. A
 * {@code @WebMvcTest} slice imports this class too, so controllers are tested with the answers they give.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
@EnableConfigurationProperties(ProblemHandlingProperties.class)
public class ProblemHandlingAutoConfiguration {

	@Bean
	SharedProblemsAdvice sharedProblemsAdvice(ProblemHandlingProperties properties) {
		return new SharedProblemsAdvice(properties);
	}
}
