package dev.ftgo.security;

import java.util.Arrays;
import java.util.Optional;

/** A value of the token's {@code roles} claim, and the Spring Security authority it grants. */
public enum Role {

	ADMIN("admin"), CONSUMER("consumer"), KITCHEN("kitchen");

	private final String claimValue;

	Role(String claimValue) {
		this.claimValue = claimValue;
	}

	/** As written in the {@code roles} claim: {@code admin}, {@code consumer}, {@code kitchen}. */
	public String claimValue() {
		return claimValue;
	}

	/** {@code ROLE_ADMIN}, {@code ROLE_CONSUMER}, {@code ROLE_KITCHEN}: what {@code hasRole("ADMIN")} checks. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Empty for a value this version does not know: a newer issuer's role grants nothing here. */
	public static Optional<Role> fromClaim(String value) {
		return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
	}
}
