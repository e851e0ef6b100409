package dev.ftgo.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;

/**
 * Tickets and the domain's exceptions as the application service hands them out, for tests outside this
 * package (the web slice tests mock the application service).
 */
public final class TicketFixtures {

	public static final Instant NOW = RestaurantFixtures.NOW;
	public static final Instant READY_BY = NOW.plus(Duration.ofMinutes(30));

	private TicketFixtures() {
	}

	/** Two curries and a naan from {@code restaurant} for a consumer of its own, awaiting acceptance. */
	public static Ticket ticket(Restaurant restaurant) {
		return ticket(restaurant, new ConsumerId(UUID.randomUUID()));
	}

	/** Like {@link #ticket(Restaurant)}, ordered by {@code consumerId} ({@code null}: a CreateTicket that did not say). */
	public static Ticket ticket(Restaurant restaurant, ConsumerId consumerId) {
		return Ticket.create(new OrderId(UUID.randomUUID()), consumerId, restaurant,
				List.of(new OrderedItem("m1", 2), new OrderedItem("m2", 1)), NOW);
	}

	/** Accepted, to be ready by {@link #READY_BY}. */
	public static Ticket accepted(Restaurant restaurant) {
		var ticket = ticket(restaurant);
		ticket.accept(READY_BY, NOW, Duration.ofHours(24));
		return ticket;
	}

	/** A ticket of {@code restaurant} moved through the kitchen into {@code state}. */
	public static Ticket inState(Restaurant restaurant, TicketState state) {
		var ticket = state == TicketState.AWAITING_ACCEPTANCE || state == TicketState.CANCELLED ? ticket(restaurant)
				: accepted(restaurant);
		switch (state) {
			case AWAITING_ACCEPTANCE, ACCEPTED -> {
				// there already
			}
			case CANCELLED -> ticket.cancel(NOW);
			case PREPARING -> ticket.startPreparing(NOW);
			case READY_FOR_PICKUP -> {
				ticket.startPreparing(NOW);
				ticket.markReady(NOW);
			}
			case PICKED_UP -> {
				ticket.startPreparing(NOW);
				ticket.markReady(NOW);
				ticket.pickUp(NOW);
			}
		}
		ticket.releaseMessages();
		return ticket;
	}

	public static TicketNotFoundException notFound(TicketId id) {
		return new TicketNotFoundException(id);
	}

	public static IllegalTicketStateException illegalTransition(String message) {
		return new IllegalTicketStateException(message);
	}

	public static TicketRuleViolationException ruleViolation(String message) {
		return new TicketRuleViolationException(message);
	}
}
