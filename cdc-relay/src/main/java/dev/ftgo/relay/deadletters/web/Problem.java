package dev.ftgo.relay.deadletters.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of every error answer (RFC 9457), for the OpenAPI document; the answers are Spring's ProblemDetail. */
@Schema(description = "An error, as application/problem+json (RFC 9457)")
record Problem(@Schema(example = "about:blank") URI type, @Schema(example = "Not Found") String title,
		@Schema(example = "404") int status,
		@Schema(example = "No dead letter at partition 0, offset 7 of order.events-dlt") String detail,
		@Schema(description = "The request path.") URI instance) {
}
