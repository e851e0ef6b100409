package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.testsupport.TestTokens;

/** What the resource server makes of a valid token: the caller, its roles and authorities, and the token it relays. */
class ResourceServerCallerIT extends RunningResourceServer {

	@Test
	void adminTokenResolvesToAdminCallerWithRoleAuthority() {
		var who = json(get("/api/whoami", TestTokens.admin()));

		assertThat(who.path("subject").asString()).isEqualTo("admin");
		assertThat(strings(who.path("roles"))).containsExactly("admin");
		assertThat(who.path("restaurantId").isNull()).isTrue();
		assertThat(strings(who.path("authorities"))).contains("ROLE_ADMIN")
				.doesNotContain("ROLE_CONSUMER", "ROLE_KITCHEN");
	}

	@Test
	void consumerTokenResolvesToConsumerCaller() {
		var consumerId = UUID.randomUUID();

		var who = json(get("/api/whoami", TestTokens.consumer(consumerId)));

		assertThat(who.path("subject").asString()).isEqualTo(consumerId.toString());
		assertThat(strings(who.path("roles"))).containsExactly("consumer");
		assertThat(strings(who.path("authorities"))).contains("ROLE_CONSUMER").doesNotContain("ROLE_ADMIN");
	}

	@Test
	void kitchenTokenResolvesToKitchenCallerOfItsRestaurant() {
		var restaurantId = UUID.randomUUID();

		var who = json(get("/api/whoami", TestTokens.kitchen(restaurantId)));

		assertThat(who.path("subject").asString()).isEqualTo("kitchen-" + restaurantId);
		assertThat(strings(who.path("roles"))).containsExactly("kitchen");
		assertThat(who.path("restaurantId").asString()).isEqualTo(restaurantId.toString());
		assertThat(strings(who.path("authorities"))).contains("ROLE_KITCHEN");
	}

	@Test
	void everyKnownRoleOfTheClaimBecomesAnAuthorityAndUnknownOnesNone() {
		var token = TestTokens.issuer().mint("ops", List.of("admin", "kitchen", "auditor"), UUID.randomUUID(), Duration.ofMinutes(5));

		var who = json(get("/api/whoami", token));

		assertThat(strings(who.path("roles"))).containsExactly("admin", "kitchen");
		assertThat(strings(who.path("authorities"))).contains("ROLE_ADMIN", "ROLE_KITCHEN")
				.noneMatch(authority -> authority.toUpperCase().contains("AUDITOR"));
	}

	@Test
	void outgoingCallCarriesTheCallersToken() {
		var consumerId = UUID.randomUUID();

		var who = json(get("/api/relay", TestTokens.consumer(consumerId)));

		assertThat(who.path("subject").asString()).isEqualTo(consumerId.toString());
	}

	@Test
	void outgoingCallOnAnotherThreadCarriesTheCapturedToken() {
		var restaurantId = UUID.randomUUID();

		var who = json(get("/api/relay-async", TestTokens.kitchen(restaurantId)));

		assertThat(who.path("restaurantId").asString()).isEqualTo(restaurantId.toString());
	}
}
