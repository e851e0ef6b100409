package dev.ftgo.kitchen.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.OrderedItem;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.testsupport.ApiClient;

/**
 * Tickets are created through the application service (as the CreateTicket handler does) and driven over HTTP by
 * the kitchen staff of their restaurant. Adds nothing to the running service's configuration, so the test classes
 * that extend it share its application context. Who else may do what: TicketAccessIT.
 */
abstract class TicketsOverHttp extends RunningKitchenService {

	@Autowired
	RestaurantService restaurantService;

	@Autowired
	TicketService ticketService;

	Restaurant restaurant() {
		return storedRestaurant(CURRY, NAAN);
	}

	/** Two curries and a naan, awaiting acceptance. */
	Ticket ticket() {
		return ticketService.createTicket(new OrderId(UUID.randomUUID()), consumer(), restaurant().id(),
				List.of(new OrderedItem("m1", 2), new OrderedItem("m2", 1)));
	}

	static ConsumerId consumer() {
		return new ConsumerId(UUID.randomUUID());
	}

	/** The kitchen staff of the ticket's restaurant: the only ones who move it on. */
	ApiClient kitchen(Ticket ticket) {
		return asKitchenOf(ticket.restaurantId().value());
	}

	static String path(Ticket ticket, String transition) {
		return "/api/v1/tickets/" + ticket.id() + "/" + transition;
	}

	static String readyByIn(Duration duration) {
		return "{\"readyBy\": \"" + Instant.now().plus(duration).truncatedTo(ChronoUnit.SECONDS) + "\"}";
	}

	ApiClient.Response accept(Ticket ticket) {
		return kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.ofMinutes(30)));
	}

	static void assertState(ApiClient.Response response, TicketState state) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("state").asString()).isEqualTo(state.name());
	}
}
