package dev.ftgo.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation may answer, in its OpenAPI description: the status, and when and why it comes, as
 * {@code application/problem+json} with the service's problem schema ({@link OpenApiDocumentation}). On a handler
 * method, or on an annotation that describes an operation, beside springdoc's {@code @Operation} and the
 * {@code @ApiResponse} of its success. What every operation may answer alike is said once instead, with
 * {@link OpenApiDocumentation#everyOperationAnswers(int, String)}.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

	/** The HTTP status, e.g. 404. */
	int status();

	/** When this operation answers it. */
	String description();
}
