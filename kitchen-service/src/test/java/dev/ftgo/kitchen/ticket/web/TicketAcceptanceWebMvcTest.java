package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketState;

/** POST /api/v1/tickets/{ticketId}/accept: what an acceptance must hold, and how its failures are answered. */
class TicketAcceptanceWebMvcTest extends TicketControllerSlice {

	private static String acceptanceOf(TicketId id) {
		return path(id, "/accept");
	}

	@Test
	void acceptsATicket() {
		var ticket = ticketIn(TicketState.ACCEPTED);
		given(tickets.accept(eq(ticket.id()), eq(TicketFixtures.READY_BY), any())).willReturn(ticket);

		var result = postJson(acceptanceOf(ticket.id()), VALID_ACCEPTANCE);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("ACCEPTED");
		assertThat(result).bodyJson().extractingPath("$.readyBy").asString().isEqualTo("2026-01-01T12:30:00Z");
		then(tickets).should().accept(eq(ticket.id()), eq(TicketFixtures.READY_BY), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"readyBy\": null}" })
	void refusesAnAcceptanceWithoutReadyBy(String body) {
		assertInvalid(postJson(acceptanceOf(TicketId.random()), body), "readyBy");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"readyBy\": \"tomorrow\"}", "{\"readyBy\": \"2026-01-01 12:30\"}",
			"{\"readyBy\": [\"2026-01-01T12:30:00Z\"]}", "{\"readyBy\": {}}" })
	void namesAReadyByThatIsNotAnInstant(String body) {
		var result = postJson(acceptanceOf(TicketId.random()), body);

		assertMalformed(result, "readyBy");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[]", "\"2026-01-01T12:30:00Z\"", "" })
	void refusesAnAcceptanceThatIsNotAJsonObject(String body) {
		assertMalformed(postJson(acceptanceOf(TicketId.random()), body));
		verifyNoInteractions(tickets);
	}

	@Test
	void refusesAnAcceptanceThatIsNotJson() {
		var result = mvc.post().header(AUTHORIZATION, KITCHEN)
				.uri(acceptanceOf(TicketId.random())).contentType(MediaType.TEXT_PLAIN)
				.content("2026-01-01T12:30:00Z").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(tickets);
	}

	@Test
	void answersAcceptingAnUnknownTicketWith404() {
		var id = TicketId.random();
		given(tickets.accept(any(), any(), any())).willThrow(TicketFixtures.notFound(id));

		assertProblem(postJson(acceptanceOf(id), VALID_ACCEPTANCE), HttpStatus.NOT_FOUND, "Ticket not found",
				"No ticket with id " + id);
	}

	@Test
	void answersAcceptingATicketTwiceWith409() {
		var id = TicketId.random();
		given(tickets.accept(any(), any(), any()))
				.willThrow(TicketFixtures.illegalTransition("Cannot accept ticket " + id));

		assertProblem(postJson(acceptanceOf(id), VALID_ACCEPTANCE), HttpStatus.CONFLICT, "Transition not allowed",
				"Cannot accept ticket " + id);
	}

	@Test
	void answersAReadyByTheRulesRefuseWith422() {
		given(tickets.accept(any(), any(), any()))
				.willThrow(TicketFixtures.ruleViolation("readyBy 2026-01-01T12:30:00Z is not in the future"));

		assertProblem(postJson(acceptanceOf(TicketId.random()), VALID_ACCEPTANCE), HttpStatus.UNPROCESSABLE_CONTENT,
				"Unprocessable", "readyBy 2026-01-01T12:30:00Z is not in the future");
	}

	@Test
	void answersAConcurrentAcceptanceWith409() {
		given(tickets.accept(any(), any(), any())).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(postJson(acceptanceOf(TicketId.random()), VALID_ACCEPTANCE));
	}
}
