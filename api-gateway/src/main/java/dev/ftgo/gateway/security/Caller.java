package dev.ftgo.gateway.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who sent a request, as far as the gateway's rules care: the token's subject, its roles
 * ({@code admin}, {@code consumer}, {@code kitchen}) and, for kitchen staff, their restaurant.
 * A consumer's subject is its consumerId.
 */
record Caller(String subject, Set<String> roles, Optional<String> restaurantId) {

	static Caller of(JwtAuthenticationToken token) {
		var roles = token.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(RolesClaim.PREFIX))
			.map(authority -> authority.substring(RolesClaim.PREFIX.length()).toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(token.getName(), roles,
				Optional.ofNullable(token.getToken().getClaimAsString("restaurant_id")));
	}

	boolean isAdmin() {
		return roles.contains("admin");
	}

	boolean isConsumer() {
		return roles.contains("consumer");
	}

	boolean isKitchen() {
		return roles.contains("kitchen");
	}

	/** Whether this caller is the consumer with that id. */
	boolean isConsumer(String consumerId) {
		return isConsumer() && sameId(subject, consumerId);
	}

	/** Whether this caller is staff of the restaurant with that id. */
	boolean worksAt(String restaurantId) {
		return isKitchen() && this.restaurantId.filter(own -> sameId(own, restaurantId)).isPresent();
	}

	/** UUIDs compare by value (a path may spell one in upper case); anything else as written. */
	private static boolean sameId(String mine, String theirs) {
		if (mine == null || theirs == null) {
			return false;
		}
		try {
			return UUID.fromString(mine).equals(UUID.fromString(theirs));
		}
		catch (IllegalArgumentException notUuids) {
			return mine.equals(theirs);
		}
	}
}
