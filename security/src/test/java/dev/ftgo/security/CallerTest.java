package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

	private static final UUID CONSUMER = UUID.randomUUID();
	private static final UUID RESTAURANT = UUID.randomUUID();

	private final Caller admin = Caller.of(jwt("admin", Map.of("roles", List.of("admin"))));
	private final Caller consumer = Caller.of(jwt(CONSUMER.toString(), Map.of("roles", List.of("consumer"))));
	private final Caller kitchen = Caller.of(jwt("kitchen-" + RESTAURANT,
			Map.of("roles", List.of("kitchen"), "restaurant_id", RESTAURANT.toString())));

	@Test
	void readsSubjectRolesAndRestaurantFromTheToken() {
		assertThat(kitchen.subject()).isEqualTo("kitchen-" + RESTAURANT);
		assertThat(kitchen.roles()).containsExactly(Role.KITCHEN);
		assertThat(kitchen.restaurantId()).contains(RESTAURANT);
		assertThat(admin.restaurantId()).isEmpty();
	}

	@Test
	void ignoresUnknownRolesAndAMissingRolesClaim() {
		assertThat(Caller.of(jwt("x", Map.of("roles", List.of("auditor", "admin")))).roles()).containsExactly(Role.ADMIN);
		assertThat(Caller.of(jwt("x", Map.of())).roles()).isEmpty();
	}

	@Test
	void restaurantIdThatIsNoUuidCountsAsAbsent() {
		var caller = Caller.of(jwt("k", Map.of("roles", List.of("kitchen"), "restaurant_id", "not-a-uuid")));

		assertThat(caller.restaurantId()).isEmpty();
		assertThat(caller.worksAt(RESTAURANT)).isFalse();
	}

	@Test
	void consumerIsOnlyItself() {
		assertThat(consumer.isConsumer(CONSUMER)).isTrue();
		assertThat(consumer.isConsumer(UUID.randomUUID())).isFalse();
		assertThat(consumer.consumerId()).contains(CONSUMER);
		assertThat(admin.isConsumer(CONSUMER)).isFalse();
		assertThat(admin.consumerId()).isEmpty();
	}

	@Test
	void subjectThatLooksLikeAConsumerIdIsNoConsumerWithoutTheRole() {
		var kitchenNamedLikeConsumer = new Caller(CONSUMER.toString(), Set.of(Role.KITCHEN), null);

		assertThat(kitchenNamedLikeConsumer.isConsumer(CONSUMER)).isFalse();
		assertThat(kitchenNamedLikeConsumer.restaurantId()).isEmpty();
	}

	@Test
	void kitchenWorksOnlyAtItsRestaurant() {
		assertThat(kitchen.worksAt(RESTAURANT)).isTrue();
		assertThat(kitchen.worksAt(UUID.randomUUID())).isFalse();
		assertThat(admin.worksAt(RESTAURANT)).isFalse();
	}

	@Test
	void requireAdminRefusesOthersWithForbidden() {
		assertThatCode(admin::requireAdmin).doesNotThrowAnyException();
		assertThatThrownBy(consumer::requireAdmin)
				.isInstanceOfSatisfying(AccessRefusedException.class, refused -> {
					assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
					assertThat(refused.getBody().getTitle()).isEqualTo("Forbidden");
					assertThat(refused.getBody().getDetail()).isEqualTo("This operation needs the role admin.");
				});
	}

	@Test
	void requireAnyRoleNamesTheRolesItAccepts() {
		assertThatCode(() -> kitchen.requireAnyRole(Role.ADMIN, Role.KITCHEN)).doesNotThrowAnyException();
		assertThatThrownBy(() -> consumer.requireAnyRole(Role.ADMIN, Role.KITCHEN))
				.hasMessage("This operation needs the role admin or kitchen.");
	}

	@Test
	void requireConsumerRefusesAdminsAndOtherConsumers() {
		assertThatCode(() -> consumer.requireConsumer(CONSUMER)).doesNotThrowAnyException();
		assertThatThrownBy(() -> admin.requireConsumer(CONSUMER)).isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> consumer.requireConsumer(UUID.randomUUID())).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void requireAdminOrConsumerLetsBothThroughButNotKitchen() {
		assertThatCode(() -> admin.requireAdminOrConsumer(CONSUMER)).doesNotThrowAnyException();
		assertThatCode(() -> consumer.requireAdminOrConsumer(CONSUMER)).doesNotThrowAnyException();
		assertThatThrownBy(() -> consumer.requireAdminOrConsumer(UUID.randomUUID()))
				.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> kitchen.requireAdminOrConsumer(CONSUMER)).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void requireAdminOrWorksAtLetsTheRestaurantsKitchenThrough() {
		assertThatCode(() -> admin.requireAdminOrWorksAt(RESTAURANT)).doesNotThrowAnyException();
		assertThatCode(() -> kitchen.requireAdminOrWorksAt(RESTAURANT)).doesNotThrowAnyException();
		assertThatThrownBy(() -> kitchen.requireAdminOrWorksAt(UUID.randomUUID()))
				.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> consumer.requireAdminOrWorksAt(RESTAURANT)).isInstanceOf(AccessRefusedException.class);
	}

	private static Jwt jwt(String subject, Map<String, Object> claims) {
		var builder = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(builder::claim);
		return builder.build();
	}
}
