package dev.ftgo.web;

import java.util.Optional;

import tools.jackson.core.JacksonException;

/** Where in a request body Jackson failed, as {@code items[1].quantity}. */
final class JsonFieldPath {

	private JsonFieldPath() {
	}

	/** The path, if the body was JSON and the failure is at a field rather than in the syntax. */
	static Optional<String> of(Throwable unreadable) {
		var jackson = jacksonCause(unreadable);
		return jackson == null || jackson.getPath().isEmpty() ? Optional.empty() : Optional.of(path(jackson));
	}

	/**
	 * The Jackson exception that knows the field. Not simply the most specific cause: for a value such
	 * as a malformed date that is the {@code DateTimeParseException} beneath, which knows no path.
	 */
	private static JacksonException jacksonCause(Throwable ex) {
		for (var cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String path(JacksonException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
