package dev.ftgo.security;

import java.util.Collection;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The token's {@code roles} claim as Spring authorities {@code ROLE_ADMIN}, {@code ROLE_CONSUMER},
 * {@code ROLE_KITCHEN}, for a resource server of either stack: the services' (servlet) and the gateway's
 * (reactive, through {@code ReactiveJwtAuthenticationConverterAdapter}). Unknown roles grant nothing.
 */
public final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

	@Override
	public Collection<GrantedAuthority> convert(Jwt token) {
		return Caller.of(token).roles().stream()
				.<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
				.toList();
	}
}
