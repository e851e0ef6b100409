package dev.ftgo.kitchen.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer, for the OpenAPI document: web-support and {@link ProblemDetailsAdvice} build them
 * as Spring's {@code ProblemDetail}. The kitchen's documented problems are the security filter chain's 401 and 403.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem, sent as application/problem+json.")
record Problem(
		@Schema(example = "about:blank") String type,
		@Schema(example = "Forbidden") String title,
		@Schema(example = "403") int status,
		@Schema(example = "This operation needs the role admin.") String detail,
		@Schema(description = "The request path.") String instance) {
}
