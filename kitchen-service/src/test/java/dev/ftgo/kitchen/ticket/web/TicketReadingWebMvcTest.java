package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketState;

/** GET /api/v1/tickets/{ticketId} and GET /api/v1/tickets?orderId=, and what a bad ticket id gets anywhere. */
class TicketReadingWebMvcTest extends TicketControllerSlice {

	@Test
	void readsATicket() {
		var ticket = ticketIn(TicketState.AWAITING_ACCEPTANCE);
		given(tickets.find(eq(ticket.id()), any())).willReturn(ticket);

		var result = get(path(ticket.id(), ""));

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"ticketId": "%s", "orderId": "%s", "restaurantId": "%s", "state": "AWAITING_ACCEPTANCE",
				 "lineItems": [{"menuItemId": "m1", "name": "Curry", "quantity": 2},
				               {"menuItemId": "m2", "name": "Naan", "quantity": 1}],
				 "readyBy": null}""".formatted(ticket.id(), ticket.orderId(), ticket.restaurantId()));
	}

	@Test
	void answersAnUnknownTicketWith404() {
		var id = TicketId.random();
		given(tickets.find(eq(id), any())).willThrow(TicketFixtures.notFound(id));

		assertProblem(get(path(id, "")), HttpStatus.NOT_FOUND, "Ticket not found", "No ticket with id " + id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, ''", "POST, /accept", "POST, /preparing", "POST, /ready", "POST, /picked-up" })
	void answersAMalformedTicketIdWith400(HttpMethod method, String suffix) {
		var result = mvc.method(method).header(AUTHORIZATION, KITCHEN)
				.uri(path("not-a-uuid", suffix)).contentType(MediaType.APPLICATION_JSON)
				.content(VALID_ACCEPTANCE).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		assertProblem(mvc.delete().header(AUTHORIZATION, ADMIN)
				.uri(path(TicketId.random(), "")).exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(tickets);
	}

	@Test
	void findsTheTicketOfAnOrder() {
		var ticket = ticketIn(TicketState.ACCEPTED);
		given(tickets.findForOrder(eq(ticket.orderId()), any())).willReturn(Optional.of(ticket));

		var result = get(TICKETS + "?orderId=" + ticket.orderId());

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[*].ticketId").asArray().containsExactly(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$[0].state").asString().isEqualTo("ACCEPTED");
		assertThat(result).bodyJson().extractingPath("$[0].readyBy").asString().isEqualTo("2026-01-01T12:30:00Z");
	}

	@Test
	void answersAnEmptyListForAnOrderWithoutTicket() {
		var orderId = new OrderId(UUID.randomUUID());
		given(tickets.findForOrder(eq(orderId), any())).willReturn(Optional.empty());

		var result = get(TICKETS + "?orderId=" + orderId);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void refusesAQueryWithoutOrderId() {
		assertProblem(get(TICKETS), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-uuid", "42" })
	void refusesAQueryWithAMalformedOrderId(String orderId) {
		assertProblem(mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(TICKETS).param("orderId", orderId).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}
}
