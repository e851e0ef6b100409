package dev.ftgo.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent the request, as its verified token says. A controller method gets it by declaring a {@code Caller}
 * parameter (resolved from the security context; never a request parameter, and hidden from springdoc).
 *
 * <p>The services express the access rules with it, in two kinds:
 * <ul>
 * <li>what the request alone shows: a {@code require...} method throws {@link AccessRefusedException}, a 403,
 * before anything is loaded, e.g. {@code caller.requireAdminOrConsumer(consumerId)} for
 * {@code GET /consumers/{consumerId}};</li>
 * <li>what only the loaded resource shows: test with {@link #isAdmin()}, {@link #isConsumer(UUID)},
 * {@link #worksAt(UUID)} and throw the service's own not-found exception, so that a 404 does not reveal that
 * another consumer's order exists, e.g.
 * {@code if (!caller.isAdmin() && !caller.isConsumer(order.consumerId())) throw new OrderNotFoundException(id)}.</li>
 * </ul>
 *
 * @param subject the token's {@code sub}: a consumer's id, {@code admin}, {@code kitchen-<restaurantId>}
 * @param roles the known values of the {@code roles} claim; unknown ones are dropped
 * @param restaurantId the {@code restaurant_id} claim of kitchen staff
 */
public record Caller(String subject, Set<Role> roles, Optional<UUID> restaurantId) {

	static final String ROLES_CLAIM = "roles";
	static final String RESTAURANT_ID_CLAIM = "restaurant_id";

	public Caller {
		Objects.requireNonNull(subject, "subject");
		roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
		restaurantId = Objects.requireNonNullElse(restaurantId, Optional.empty());
	}

	/** The caller a verified token describes. A {@code restaurant_id} that is not a UUID counts as absent. */
	public static Caller of(Jwt token) {
		return new Caller(token.getSubject(), rolesOf(token), restaurantIdOf(token));
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return hasRole(Role.ADMIN);
	}

	/** A consumer acting on its own data: its token's subject is that consumer's id. */
	public boolean isConsumer(UUID consumerId) {
		return hasRole(Role.CONSUMER) && consumerId != null && subject.equals(consumerId.toString());
	}

	/** Kitchen staff of that restaurant. */
	public boolean worksAt(UUID restaurantId) {
		return hasRole(Role.KITCHEN) && restaurantId != null && this.restaurantId.filter(restaurantId::equals).isPresent();
	}

	/** The consumer id of a consumer's token; empty for other callers (and for a consumer whose sub is no UUID). */
	public Optional<UUID> consumerId() {
		if (!hasRole(Role.CONSUMER)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(subject));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	/** 403 unless the caller has one of these roles. */
	public void requireAnyRole(Role... anyOf) {
		if (Arrays.stream(anyOf).noneMatch(this::hasRole)) {
			throw new AccessRefusedException("This operation needs the role "
					+ Arrays.stream(anyOf).map(Role::claimValue).collect(Collectors.joining(" or ")) + ".");
		}
	}

	/** 403 unless admin. */
	public void requireAdmin() {
		requireAnyRole(Role.ADMIN);
	}

	/** 403 unless this is that consumer itself (admins too are refused: e.g. placing an order). */
	public void requireConsumer(UUID consumerId) {
		if (!isConsumer(consumerId)) {
			throw new AccessRefusedException("Only the consumer itself may do this.");
		}
	}

	/** 403 unless admin or that consumer itself. */
	public void requireAdminOrConsumer(UUID consumerId) {
		if (!isAdmin() && !isConsumer(consumerId)) {
			throw new AccessRefusedException("Only an admin or the consumer itself may do this.");
		}
	}

	/** 403 unless admin or kitchen staff of that restaurant. */
	public void requireAdminOrWorksAt(UUID restaurantId) {
		if (!isAdmin() && !worksAt(restaurantId)) {
			throw new AccessRefusedException("Only an admin or the restaurant's kitchen staff may do this.");
		}
	}

	private static Set<Role> rolesOf(Jwt token) {
		Collection<String> values = token.hasClaim(ROLES_CLAIM) ? token.getClaimAsStringList(ROLES_CLAIM) : null;
		if (values == null) {
			return Set.of();
		}
		return values.stream().map(Role::fromClaim).flatMap(Optional::stream).collect(Collectors.toSet());
	}

	private static Optional<UUID> restaurantIdOf(Jwt token) {
		var value = token.getClaimAsString(RESTAURANT_ID_CLAIM);
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}
}
