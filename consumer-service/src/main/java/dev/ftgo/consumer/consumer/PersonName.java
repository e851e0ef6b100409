package dev.ftgo.consumer.consumer;

import jakarta.persistence.Embeddable;

@Embeddable
public record PersonName(String firstName, String lastName) {

	public static final int MAX_LENGTH = 100;

	public PersonName {
		firstName = requireText(firstName, "firstName");
		lastName = requireText(lastName, "lastName");
	}

	private static String requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be blank");
		}
		var trimmed = value.strip();
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(field + " must be at most " + MAX_LENGTH + " characters");
		}
		return trimmed;
	}
}
