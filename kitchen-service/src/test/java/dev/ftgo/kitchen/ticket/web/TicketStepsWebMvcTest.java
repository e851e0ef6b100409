package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketState;

/**
 * POST /api/v1/tickets/{ticketId}/preparing, /ready and /picked-up: the kitchen's steps after acceptance, and how
 * their failures are answered, down to an unreachable database.
 */
class TicketStepsWebMvcTest extends TicketControllerSlice {

	@Test
	void startsPreparingATicket() {
		assertMovesOn("/preparing", TicketState.PREPARING);
	}

	@Test
	void marksATicketReadyForPickup() {
		assertMovesOn("/ready", TicketState.READY_FOR_PICKUP);
	}

	@Test
	void marksATicketPickedUp() {
		assertMovesOn("/picked-up", TicketState.PICKED_UP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAStepOfAnUnknownTicketWith404(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(TicketFixtures.notFound(id));

		assertProblem(post(path(id, step)), HttpStatus.NOT_FOUND, "Ticket not found", "No ticket with id " + id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAStepOutOfOrderWith409(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(TicketFixtures.illegalTransition("Cannot do that to ticket " + id + " now"));

		assertProblem(post(path(id, step)), HttpStatus.CONFLICT, "Transition not allowed",
				"Cannot do that to ticket " + id + " now");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAConcurrentStepWith409(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(post(path(id, step)));
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		var id = TicketId.random();
		given(tickets.startPreparing(eq(id), any())).willThrow(new IllegalStateException("disk full on /var/lib"));

		assertProblem(post(path(id, "/preparing")), HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error", "The service failed to process the request.");
	}

	@ParameterizedTest
	@MethodSource("dev.ftgo.testsupport.DatabaseOutages#databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		var id = TicketId.random();
		given(tickets.startPreparing(eq(id), any())).willThrow(outage);

		assertDatabaseUnavailable(post(path(id, "/preparing")));
	}

	/** 200 with the ticket the service moved into {@code state}. */
	private void assertMovesOn(String step, TicketState state) {
		var ticket = ticketIn(state);
		givenStep(step, ticket.id()).willReturn(ticket);

		var result = post(path(ticket.id(), step));

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo(state.name());
	}
}
