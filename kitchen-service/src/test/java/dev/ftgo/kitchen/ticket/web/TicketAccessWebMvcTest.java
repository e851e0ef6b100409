package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.ticket.TicketAccess;
import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.testsupport.TestTokens;

/** Who may ask the ticket endpoints: what the token alone shows, and the access the kitchen's staff hand on. */
class TicketAccessWebMvcTest extends TicketControllerSlice {

	@ParameterizedTest
	@CsvSource({ "GET, ''", "GET, ?orderId=8f7c2f9e-3b1a-4c55-9d0e-2a6b7c8d9e01", "POST, /accept", "POST, /preparing",
			"POST, /ready", "POST, /picked-up" })
	void answersARequestWithoutTokenWith401(HttpMethod method, String suffix) {
		var uri = suffix.startsWith("?") ? TICKETS + suffix : path(TicketId.random(), suffix);

		var result = mvc.method(method).uri(uri).contentType(MediaType.APPLICATION_JSON).content(VALID_ACCEPTANCE)
				.exchange();

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/accept", "/preparing", "/ready", "/picked-up" })
	void refusesTheKitchensStepsToAdminsAndConsumersWith403(String step) {
		for (var token : List.of(ADMIN, bearer(TestTokens.consumer(UUID.randomUUID())))) {
			var result = mvc.post().header(AUTHORIZATION, token).uri(path(TicketId.random(), step))
					.contentType(MediaType.APPLICATION_JSON).content(VALID_ACCEPTANCE).exchange();

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "This operation needs the role kitchen.");
		}
		verifyNoInteractions(tickets);
	}

	@Test
	void handsTheServiceTheAccessOfTheKitchenThatAsks() {
		var ajanta = RestaurantFixtures.ajanta();
		var ticket = TicketFixtures.accepted(ajanta);
		var elsewhere = TicketFixtures.accepted(RestaurantFixtures.ajanta());
		var access = ArgumentCaptor.forClass(TicketAccess.class);
		given(tickets.startPreparing(eq(ticket.id()), access.capture())).willReturn(ticket);

		var result = mvc.post().header(AUTHORIZATION, bearer(TestTokens.kitchen(ajanta.id().value())))
				.uri(path(ticket.id(), "/preparing")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(access.getValue().permits(ticket)).isTrue();
		assertThat(access.getValue().permits(elsewhere)).as("another restaurant's ticket").isFalse();
	}
}
