package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.Caller;

/**
 * The roles table for tickets, asked of the running service by every kind of caller: OWN_KITCHEN works at the
 * ticket's restaurant, OWN_CONSUMER placed its order. Whom only the ticket shows to be a stranger gets 404, as for
 * a ticket that does not exist; whom the token alone rules out gets 403.
 */
class TicketAccessIT extends RunningKitchenService {

	@Autowired
	TicketService tickets;

	private Ticket ticket(UUID consumerId) {
		return storedTicket(consumerId == null ? null : new ConsumerId(consumerId));
	}

	private ApiClient as(Caller who, Ticket ticket) {
		return as(who, ticket.restaurantId().value(),
				ticket.consumerId().map(ConsumerId::value).orElseGet(UUID::randomUUID));
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 200", "OWN_KITCHEN, 200", "OTHER_KITCHEN, 404", "OWN_CONSUMER, 200", "OTHER_CONSUMER, 404",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void readTicket(Caller who, int status) {
		var ticket = ticket(UUID.randomUUID());

		var response = as(who, ticket).get("/api/v1/tickets/" + ticket.id());

		assertAnswer(response, status);
		if (status == 200) {
			assertThat(response.json().get("ticketId").asString()).isEqualTo(ticket.id().toString());
		}
		else if (status == 404) {
			assertThat(response.json().get("detail").asString()).as("as for a ticket that does not exist")
					.isEqualTo("No ticket with id " + ticket.id());
		}
	}

	/** The ticket of someone else's order is left out of the list, as if the order had none: nothing leaks. */
	@ParameterizedTest
	@CsvSource({ "ADMIN, 200, 1", "OWN_KITCHEN, 200, 1", "OTHER_KITCHEN, 200, 0", "OWN_CONSUMER, 200, 1",
			"OTHER_CONSUMER, 200, 0", "NO_TOKEN, 401, 0", "EXPIRED, 401, 0", "OTHER_KEY, 401, 0" })
	void findTicketOfOrder(Caller who, int status, int found) {
		var ticket = ticket(UUID.randomUUID());

		var response = as(who, ticket).get("/api/v1/tickets?orderId=" + ticket.orderId());

		assertAnswer(response, status);
		if (status == 200) {
			assertThat(response.json().size()).as(response.toString()).isEqualTo(found);
			if (found == 1) {
				assertThat(response.json().at("/0/ticketId").asString()).isEqualTo(ticket.id().toString());
			}
		}
	}

	/** Nobody may see a ticket of an order the kitchen never received; that is an empty list for every role. */
	@Test
	void findsNoTicketOfAnOrderWithoutOneForAnyRole() {
		var orderId = UUID.randomUUID();

		for (var caller : List.of(asAdmin(), asKitchenOf(UUID.randomUUID()), asConsumer(UUID.randomUUID()))) {
			var response = caller.get("/api/v1/tickets?orderId=" + orderId);

			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.json().isEmpty()).isTrue();
		}
	}

	/** A ticket whose CreateTicket did not name the consumer stays hidden from every consumer. */
	@Test
	void hidesATicketWithoutConsumerFromConsumers() {
		var ticket = ticket(null);

		assertProblem(asConsumer(UUID.randomUUID()).get("/api/v1/tickets/" + ticket.id()), 404);
		assertNoTicketListed(asConsumer(UUID.randomUUID()).get("/api/v1/tickets?orderId=" + ticket.orderId()));
		assertThat(asKitchenOf(ticket.restaurantId().value()).get("/api/v1/tickets/" + ticket.id()).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "ADMIN, 403", "OWN_KITCHEN, 200", "OTHER_KITCHEN, 404", "OWN_CONSUMER, 403", "OTHER_CONSUMER, 403",
			"NO_TOKEN, 401", "EXPIRED, 401", "OTHER_KEY, 401" })
	void moveTicketThroughTheKitchen(Caller who, int status) {
		var steps = List.of(new Step("accept", TicketState.AWAITING_ACCEPTANCE, TicketState.ACCEPTED),
				new Step("preparing", TicketState.ACCEPTED, TicketState.PREPARING),
				new Step("ready", TicketState.PREPARING, TicketState.READY_FOR_PICKUP),
				new Step("picked-up", TicketState.READY_FOR_PICKUP, TicketState.PICKED_UP));
		for (var step : steps) {
			var ticket = inState(step.from());

			var response = as(who, ticket).post("/api/v1/tickets/" + ticket.id() + "/" + step.path(), step.body());

			assertAnswer(response, status);
			assertThat(tickets.find(ticket.id(), ANYONE).state()).as(step.path())
					.isEqualTo(status == 200 ? step.to() : step.from());
		}
	}

	private record Step(String path, TicketState from, TicketState to) {

		String body() {
			return path.equals("accept")
					? "{\"readyBy\": \"" + Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS) + "\"}"
					: null;
		}
	}

	private Ticket inState(TicketState state) {
		var ticket = ticket(UUID.randomUUID());
		if (state != TicketState.AWAITING_ACCEPTANCE) {
			tickets.accept(ticket.id(), Instant.now().plus(Duration.ofMinutes(30)), ANYONE);
		}
		if (state == TicketState.PREPARING || state == TicketState.READY_FOR_PICKUP) {
			tickets.startPreparing(ticket.id(), ANYONE);
		}
		if (state == TicketState.READY_FOR_PICKUP) {
			tickets.markReady(ticket.id(), ANYONE);
		}
		return ticket;
	}
}
