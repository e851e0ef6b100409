package dev.ftgo.kitchen.ticket.messaging;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.messaging.Message;

/** Every ticket transition, driven over HTTP, publishes its event on ticket.events in its own transaction. */
class TicketEventsIT extends RunningKitchenService {

	@Autowired
	TicketService tickets;

	private Ticket ticket() {
		return storedTicket(null);
	}

	private int post(Ticket ticket, String transition, String body) {
		return asKitchenOf(ticket.restaurantId().value()).post("/api/v1/tickets/" + ticket.id() + "/" + transition, body)
				.status();
	}

	private static String readyBy(Instant readyBy) {
		return "{\"readyBy\": \"" + readyBy + "\"}";
	}

	private List<Message> events(Ticket ticket) {
		return outbox.committed("ticket.events", ticket.id());
	}

	@Test
	void publishesAnEventForEveryTransition() {
		var ticket = ticket();
		var readyBy = Instant.now().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);

		assertThat(post(ticket, "accept", readyBy(readyBy))).isEqualTo(200);
		assertThat(post(ticket, "preparing", null)).isEqualTo(200);
		assertThat(post(ticket, "ready", null)).isEqualTo(200);
		assertThat(post(ticket, "picked-up", null)).isEqualTo(200);

		var events = events(ticket);
		assertThat(events).extracting(Message::type).containsExactly("TicketAccepted", "TicketPreparationStarted",
				"TicketReadyForPickup", "TicketPickedUp");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.headers().schemaVersion()).isEqualTo("1");
			var payload = outbox.payload(event);
			assertThat(payload.get("ticketId").asString()).isEqualTo(ticket.id().toString());
			assertThat(payload.get("orderId").asString()).isEqualTo(ticket.orderId().toString());
		});
		var accepted = outbox.payload(events.get(0));
		// an ISO-8601 instant, as the HTTP API shows it, never epoch seconds
		assertThat(accepted.get("readyBy").isString()).isTrue();
		assertThat(Instant.parse(accepted.get("readyBy").asString())).isEqualTo(readyBy);
		assertThat(outbox.payload(events.get(1)).has("readyBy")).isFalse();
	}

	@Test
	void publishesTheCancellation() {
		var ticket = ticket();

		tickets.cancel(ticket.id());

		assertThat(events(ticket)).extracting(Message::type).containsExactly("TicketCancelled");
		assertThat(outbox.payload(events(ticket).get(0)).get("orderId").asString()).isEqualTo(ticket.orderId().toString());
	}

	@Test
	void sendsNothingForARefusedTransition() {
		var ticket = ticket();

		assertThat(post(ticket, "preparing", null)).isEqualTo(409);
		assertThat(post(ticket, "picked-up", null)).isEqualTo(409);
		assertThat(post(ticket, "accept", readyBy(Instant.now().minus(Duration.ofMinutes(1))))).isEqualTo(422);
		assertThat(post(ticket, "accept", readyBy(Instant.now().plus(Duration.ofMinutes(20))))).isEqualTo(200);
		assertThat(post(ticket, "accept", readyBy(Instant.now().plus(Duration.ofMinutes(20))))).isEqualTo(409);

		assertThat(outbox.written(ticket.id())).extracting(Message::type).containsExactly("TicketAccepted");
	}

	@Test
	void rollsTheTransitionBackWhenItsEventCannotBeWritten() {
		var ticket = ticket();
		outbox.failFor(message -> message.key().equals(ticket.id().toString()));

		assertThat(post(ticket, "accept", readyBy(Instant.now().plus(Duration.ofMinutes(20))))).isEqualTo(500);

		assertThat(tickets.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
		assertThat(events(ticket)).isEmpty();
	}
}
