package dev.ftgo.consumer.consumer;

import java.util.regex.Pattern;

/**
 * An e-mail address as far as we can check it without sending mail: one {@code @}, a dot in the
 * domain, no white space, at most 254 characters (the SMTP path limit).
 */
public record EmailAddress(String value) {

	public static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	public EmailAddress {
		if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("not an e-mail address: " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
