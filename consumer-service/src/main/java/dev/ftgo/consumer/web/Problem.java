package dev.ftgo.consumer.web;

import java.net.URI;
import java.util.List;

import dev.ftgo.web.FieldProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer, for the OpenAPI document: web-support and {@link ProblemDetailsAdvice} build
 * them as Spring's {@code ProblemDetail}, whose own schema would show its extension members as a nested
 * {@code properties} object instead of the top-level fields they are on the wire. The 401 and 403 of the security
 * filter chain have the same shape, without {@code errors}.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem, sent as application/problem+json.")
record Problem(
		@Schema(example = "about:blank") URI type,
		@Schema(example = "Invalid request") String title,
		@Schema(example = "400") int status,
		@Schema(example = "The request has 1 invalid field(s).") String detail,
		@Schema(description = "The request path.") URI instance,
		@Schema(description = "The fields or parameters of the request that are wrong (400 only).") List<FieldProblem> errors) {
}
