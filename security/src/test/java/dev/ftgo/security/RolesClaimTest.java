package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesClaimTest {

	private final RolesClaim rolesClaim = new RolesClaim();

	@Test
	void grantsTheAuthorityOfEveryKnownRole() {
		assertThat(authorities(Map.of("roles", List.of("admin", "kitchen")))).containsExactlyInAnyOrder("ROLE_ADMIN",
				"ROLE_KITCHEN");
	}

	@Test
	void grantsNothingForAnUnknownRoleOrWithoutTheClaim() {
		assertThat(authorities(Map.of("roles", List.of("auditor")))).isEmpty();
		assertThat(authorities(Map.of("scope", "orders"))).isEmpty();
	}

	private List<String> authorities(Map<String, Object> claims) {
		var token = Jwt.withTokenValue("token").header("alg", "RS256").subject("someone").claims(all -> all.putAll(claims))
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
		return rolesClaim.convert(token).stream().map(GrantedAuthority::getAuthority).toList();
	}
}
