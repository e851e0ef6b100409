package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.ticket.IllegalTicketStateException;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.OrderedItem;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketRefusedException;
import dev.ftgo.kitchen.ticket.TicketRefusedException.Reason;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.kitchen.ticket.Tickets;

/**
 * Which tickets the application service creates (one per order, only for an open restaurant and items on its
 * menu, named as the menu then did) and which it cancels: only those whose preparation has not started.
 */
class TicketCreationIT extends TicketsOverHttp {

	@Autowired
	Tickets tickets;

	@Test
	void refusesTicketsForAClosedRestaurant() {
		var restaurant = restaurant();
		restaurantService.close(restaurant.id());
		var orderId = new OrderId(UUID.randomUUID());

		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.RESTAURANT_CLOSED));
		assertThat(ticketService.findForOrder(orderId, ANYONE)).isEmpty();
	}

	@Test
	void refusesTicketsForUnknownRestaurantsAndMenuItems() {
		var orderId = new OrderId(UUID.randomUUID());

		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, RestaurantId.random(), List.of(new OrderedItem("m1", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_RESTAURANT));
		assertThatExceptionOfType(TicketRefusedException.class)
				.isThrownBy(() -> ticketService.createTicket(orderId, null, restaurant().id(), List.of(new OrderedItem("m7", 1))))
				.satisfies(refusal -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_MENU_ITEM));
		assertThat(ticketService.findForOrder(orderId, ANYONE)).isEmpty();
	}

	@Test
	void namesLineItemsAsTheMenuDidWhenTheTicketWasCreated() {
		var restaurant = restaurant();
		var ticket = ticketService.createTicket(new OrderId(UUID.randomUUID()), consumer(), restaurant.id(),
				List.of(new OrderedItem("m1", 1)));

		restaurantService.replaceMenu(restaurant.id(), Menu.of(new MenuItem("m1", "Lamb Curry", Money.of("14.00", "USD"))));

		assertThat(kitchen(ticket).get("/api/v1/tickets/" + ticket.id()).json().at("/lineItems/0/name").asString()).isEqualTo("Curry");
	}

	@Test
	void createsOneTicketPerOrder() {
		var restaurant = restaurant();
		var orderId = new OrderId(UUID.randomUUID());

		var first = ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1)));
		var again = ticketService.createTicket(orderId, null, restaurant.id(), List.of(new OrderedItem("m1", 1)));

		assertThat(again.id()).isEqualTo(first.id());
		// the unique index holds even when the service's check is bypassed
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> tickets.save(
				Ticket.create(orderId, null, restaurant, List.of(new OrderedItem("m2", 1)), Instant.now())));
	}

	@Test
	void cancelsOnlyBeforePreparationStarts() {
		var awaiting = ticket();
		assertThat(ticketService.cancel(awaiting.id()).state()).isEqualTo(TicketState.CANCELLED);
		assertProblem(accept(awaiting), 409);

		var preparing = ticket();
		accept(preparing);
		kitchen(preparing).post(path(preparing, "preparing"), null);
		assertThatExceptionOfType(IllegalTicketStateException.class).isThrownBy(() -> ticketService.cancel(preparing.id()));
		assertThat(ticketService.find(preparing.id(), ANYONE).state()).isEqualTo(TicketState.PREPARING);
	}
}
