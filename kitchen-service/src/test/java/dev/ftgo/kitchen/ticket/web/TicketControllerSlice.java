package dev.ftgo.kitchen.ticket.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.UUID;

import org.mockito.BDDMockito.BDDMyOngoingStubbing;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.kitchen.KitchenWebSlice;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketAccess;
import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.testsupport.TestTokens;

/**
 * The ticket endpoints alone: validation, error mapping and the refusals the token alone decides, with
 * {@link TicketService} mocked (so the {@link TicketAccess} handed to it is not applied here: TicketAccessRulesTest,
 * TicketAccessIT).
 */
abstract class TicketControllerSlice extends KitchenWebSlice {

	static final String TICKETS = "/api/v1/tickets";

	static final String VALID_ACCEPTANCE = "{\"readyBy\": \"2026-01-01T12:30:00Z\"}";

	static final String ADMIN = bearer(TestTokens.admin());
	/** Kitchen staff move tickets on; of which restaurant matters only to the TicketAccess the mock ignores. */
	static final String KITCHEN = bearer(TestTokens.kitchen(UUID.randomUUID()));

	static Ticket ticketIn(TicketState state) {
		return TicketFixtures.inState(RestaurantFixtures.ajanta(), state);
	}

	static String path(Object ticketId, String suffix) {
		return TICKETS + "/" + ticketId + suffix;
	}

	/** A GET as an admin, who may read every ticket. */
	MvcTestResult get(String path) {
		return mvc.get().header(AUTHORIZATION, ADMIN).uri(path).exchange();
	}

	/** A POST without a body as kitchen staff: the kitchen's steps after acceptance. */
	MvcTestResult post(String path) {
		return mvc.post().header(AUTHORIZATION, KITCHEN).uri(path).exchange();
	}

	MvcTestResult postJson(String path, String json) {
		return mvc.post().header(AUTHORIZATION, KITCHEN).uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
				.exchange();
	}

	/** The service call behind one of the kitchen's steps without a body, by its path suffix. */
	BDDMyOngoingStubbing<Ticket> givenStep(String suffix, TicketId id) {
		return switch (suffix) {
			case "/preparing" -> given(tickets.startPreparing(eq(id), any()));
			case "/ready" -> given(tickets.markReady(eq(id), any()));
			case "/picked-up" -> given(tickets.pickUp(eq(id), any()));
			default -> throw new IllegalArgumentException(suffix);
		};
	}
}
