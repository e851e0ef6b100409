package dev.ftgo.consumer.consumer.web;

import dev.ftgo.consumer.consumer.EmailAddress;
import dev.ftgo.consumer.consumer.PersonName;
import dev.ftgo.consumer.web.MoneyJson;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code orderLimit} is optional; without it the configured default applies. */
record RegisterConsumerRequest(
		@NotNull @Valid Name name,
		@NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be a well-formed email address") String email,
		@Valid MoneyJson orderLimit) {

	@Schema(name = "PersonName")
	record Name(
			@NotBlank @Size(max = PersonName.MAX_LENGTH) String firstName,
			@NotBlank @Size(max = PersonName.MAX_LENGTH) String lastName) {

		PersonName toPersonName() {
			return new PersonName(firstName, lastName);
		}
	}
}
