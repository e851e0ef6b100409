package dev.ftgo.devstack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A token someone asks the dev stack for, by role, as {@code POST /tokens} and {@code ./stack token}
 * take it: a consumer token needs the consumer's id, a kitchen token the restaurant's, an admin token
 * neither. Unlike {@link TokenIssuer#mint}, it refuses combinations no real identity provider would issue.
 */
record TokenRequest(String role, UUID consumerId, UUID restaurantId, Duration ttl) {

	static final List<String> ROLES = List.of(TokenIssuer.ADMIN, TokenIssuer.CONSUMER, TokenIssuer.KITCHEN);

	// a year: far beyond any use, yet keeps exp a sane date
	private static final Duration LONGEST = Duration.ofDays(366);

	/** @throws IllegalArgumentException saying what is wrong, worded for the person who asked */
	TokenRequest {
		if (role == null || !ROLES.contains(role)) {
			throw new IllegalArgumentException((role == null ? "No role given" : "Unknown role '" + role + "'")
					+ ": expected admin, consumer or kitchen");
		}
		if (role.equals(TokenIssuer.CONSUMER) != (consumerId != null)) {
			throw new IllegalArgumentException(consumerId == null ? "A consumer token needs the consumer's id"
					: "Only a consumer token takes a consumer id");
		}
		if (role.equals(TokenIssuer.KITCHEN) != (restaurantId != null)) {
			throw new IllegalArgumentException(restaurantId == null ? "A kitchen token needs the restaurant's id"
					: "Only a kitchen token takes a restaurant id");
		}
		if (ttl == null) {
			ttl = TokenIssuer.DEFAULT_TTL;
		}
		if (ttl.abs().compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException("A token may live at most " + LONGEST.toDays() + " days, not " + ttl);
		}
	}

	TokenIssuer.IssuedToken issueWith(TokenIssuer issuer) {
		return switch (role) {
			case TokenIssuer.CONSUMER -> issuer.issue(consumerId.toString(), List.of(role), null, ttl);
			case TokenIssuer.KITCHEN -> issuer.issue(TokenIssuer.kitchenSubject(restaurantId), List.of(role), restaurantId, ttl);
			default -> issuer.issue(TokenIssuer.ADMIN, List.of(role), null, ttl);
		};
	}

	/** A UUID option or field, with a message naming it when it is not one. */
	static UUID uuid(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			UUID uuid = UUID.fromString(value);
			// fromString also takes abbreviations such as 1-2-3-4-5, which no service would accept as an id
			if (uuid.toString().equalsIgnoreCase(value)) {
				return uuid;
			}
		} catch (IllegalArgumentException e) {
			// reported below
		}
		throw new IllegalArgumentException(name + " must be a UUID, not '" + value + "'");
	}
}
