package dev.ftgo.kitchen.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.security.AccessRefusedException;
import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

class TicketAccessRulesTest {

	private final Restaurant ajanta = RestaurantFixtures.ajanta();
	private final UUID consumerId = UUID.randomUUID();
	private final Ticket ticket = TicketFixtures.ticket(ajanta, new ConsumerId(consumerId));
	private final Ticket withoutConsumer = TicketFixtures.ticket(ajanta, null);
	private final Ticket elsewhere = TicketFixtures.ticket(RestaurantFixtures.ajanta(), new ConsumerId(consumerId));

	private static Caller admin() {
		return new Caller("admin", Set.of(Role.ADMIN), Optional.empty());
	}

	private static Caller kitchenOf(Restaurant restaurant) {
		var id = restaurant.id().value();
		return new Caller("kitchen-" + id, Set.of(Role.KITCHEN), Optional.of(id));
	}

	private static Caller consumer(UUID id) {
		return new Caller(id.toString(), Set.of(Role.CONSUMER), Optional.empty());
	}

	@Test
	void adminsReadEveryTicket() {
		var access = TicketAccessRules.toRead(admin());

		assertThat(access.permits(ticket)).isTrue();
		assertThat(access.permits(withoutConsumer)).isTrue();
		assertThat(access.permits(elsewhere)).isTrue();
	}

	@Test
	void kitchenStaffReadTheTicketsOfTheirRestaurantOnly() {
		var access = TicketAccessRules.toRead(kitchenOf(ajanta));

		assertThat(access.permits(ticket)).isTrue();
		assertThat(access.permits(withoutConsumer)).isTrue();
		assertThat(access.permits(elsewhere)).isFalse();
	}

	@Test
	void consumersReadTheTicketsOfTheirOwnOrdersOnly() {
		var access = TicketAccessRules.toRead(consumer(consumerId));

		assertThat(access.permits(ticket)).isTrue();
		assertThat(access.permits(elsewhere)).as("any restaurant's, if the order is theirs").isTrue();
		assertThat(access.permits(withoutConsumer)).as("not known to be theirs").isFalse();
		assertThat(TicketAccessRules.toRead(consumer(UUID.randomUUID())).permits(ticket)).isFalse();
	}

	@Test
	void aTokenWithoutAKnownRoleReadsNothing() {
		assertThatExceptionOfType(AccessRefusedException.class)
				.isThrownBy(() -> TicketAccessRules.toRead(new Caller("someone", Set.of(), Optional.empty())));
	}

	@Test
	void onlyTheKitchenOfTheTicketsRestaurantWorksOnIt() {
		var access = TicketAccessRules.toWorkOn(kitchenOf(ajanta));

		assertThat(access.permits(ticket)).isTrue();
		assertThat(access.permits(withoutConsumer)).isTrue();
		assertThat(access.permits(elsewhere)).isFalse();
	}

	@Test
	void adminsAndConsumersDoNotCook() {
		assertThatExceptionOfType(AccessRefusedException.class).isThrownBy(() -> TicketAccessRules.toWorkOn(admin()))
				.withMessage("This operation needs the role kitchen.");
		assertThatExceptionOfType(AccessRefusedException.class)
				.isThrownBy(() -> TicketAccessRules.toWorkOn(consumer(consumerId)));
	}

	/** A consumer who is also kitchen staff (one token, two roles) reads both kinds but cooks only for its kitchen. */
	@Test
	void aCallerWithTwoRolesHasTheRightsOfBoth() {
		var both = new Caller(consumerId.toString(), Set.of(Role.CONSUMER, Role.KITCHEN), Optional.of(ajanta.id().value()));

		assertThat(TicketAccessRules.toRead(both).permits(elsewhere)).isTrue();
		assertThat(TicketAccessRules.toRead(both).permits(withoutConsumer)).isTrue();
		assertThat(TicketAccessRules.toWorkOn(both).permits(elsewhere)).isFalse();
	}
}
