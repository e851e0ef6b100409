package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static dev.ftgo.testsupport.ProblemResponses.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.kitchen.ticket.TicketState;

/** The readyBy of an acceptance, over HTTP: required, an instant, in the future and not too far in it. */
class TicketAcceptanceIT extends TicketsOverHttp {

	@Test
	void refusesAReadyByNotInTheFutureWith422() {
		var ticket = ticket();

		var past = kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.ofMinutes(-1)));

		assertProblem(past, 422);
		assertThat(past.json().get("detail").asString()).contains("not in the future");
		assertThat(ticketService.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "P2D", "P400D" })
	void refusesAReadyByTooFarAheadWith422(String ahead) {
		var ticket = ticket();

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), readyByIn(Duration.parse(ahead))), 422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z" })
	void refusesAbsurdInstantsWithoutFailing(String readyBy) {
		var ticket = ticket();

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": \"" + readyBy + "\"}"), 422);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"tomorrow\"", "\"2026-13-01T12:30:00Z\"", "\"2026-01-01 12:30\"", "\"\"", "[]", "{}", "true" })
	void refusesInvalidDatesNamingReadyBy(String readyBy) {
		var ticket = ticket();

		var response = kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": " + readyBy + "}");

		assertProblem(response, 400);
		assertThat(errorFields(response)).containsExactly("readyBy");
	}

	@Test
	void requiresReadyBy() {
		var ticket = ticket();

		var missing = kitchen(ticket).post(path(ticket, "accept"), "{\"ready\": \"soon\"}");
		assertProblem(missing, 400);
		assertThat(errorFields(missing)).containsExactly("readyBy");

		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{\"readyBy\": null}"), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), null), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "{"), 400);
		assertProblem(kitchen(ticket).post(path(ticket, "accept"), "x=1", "text/plain"), 415);
	}
}
