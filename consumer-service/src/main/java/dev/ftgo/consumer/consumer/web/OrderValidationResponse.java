package dev.ftgo.consumer.consumer.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code reason} is present only when the order is refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderValidationResponse(boolean approved, String reason) {
}
