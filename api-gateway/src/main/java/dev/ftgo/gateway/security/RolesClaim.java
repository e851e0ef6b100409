package dev.ftgo.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The token's {@code roles} claim (a JSON array of {@code admin}, {@code consumer}, {@code kitchen})
 * as Spring authorities {@code ROLE_ADMIN}, {@code ROLE_CONSUMER}, {@code ROLE_KITCHEN}, the same
 * mapping every service makes.
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

	static final String PREFIX = "ROLE_";

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles == null) {
			return List.of();
		}
		return roles.stream()
			.<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role.toUpperCase(Locale.ROOT)))
			.toList();
	}
}
