package dev.ftgo.kitchen.ticket.messaging;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.messaging.Message;
import dev.ftgo.testsupport.RelayedRecord;

/** order-service's OrderCancellationRequested, from the real broker: the ticket is cancelled if it still can be, and either way answered. */
class OrderCancellationIT extends RunningKitchenService {

	@Autowired
	TicketService tickets;

	@Autowired
	JdbcTemplate jdbc;

	private Ticket ticket() {
		return storedTicket(null);
	}

	private Ticket accepted() {
		var ticket = ticket();
		tickets.accept(ticket.id(), Instant.now().plus(Duration.ofMinutes(30)), ANYONE);
		return ticket;
	}

	private static RelayedRecord cancellationRequested(UUID orderId, Object ticketId) {
		var json = "{\"orderId\": \"%s\", \"ticketId\": \"%s\"}".formatted(orderId, ticketId);
		return RelayedRecord.of("order.events", orderId, "OrderCancellationRequested", json).replyTo("order.replies");
	}

	private static RelayedRecord cancellationRequested(Ticket ticket) {
		return cancellationRequested(ticket.orderId().value(), ticket.id());
	}

	private Message awaitReply(RelayedRecord request) {
		await().atMost(PATIENCE).until(() -> !outbox.committedReplies(request.id()).isEmpty());
		var replies = outbox.committedReplies(request.id());
		assertThat(replies).hasSize(1);
		return replies.get(0);
	}

	private List<String> ticketEvents(Ticket ticket) {
		return outbox.committed("ticket.events", ticket.id()).stream().map(Message::type).toList();
	}

	private boolean processed(RelayedRecord record) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = 'kitchen-service' AND message_id = ?",
				Integer.class, record.id()) == 1;
	}

	@Test
	void cancelsATicketAwaitingAcceptance() {
		var ticket = ticket();

		var request = cancellationRequested(ticket).send();

		await().atMost(PATIENCE).until(() -> tickets.find(ticket.id(), ANYONE).state() == TicketState.CANCELLED);
		var reply = awaitReply(request);
		assertThat(reply.destination()).isEqualTo("order.replies");
		assertThat(reply.key()).isEqualTo(ticket.orderId().toString());
		assertThat(reply.type()).isEqualTo("TicketCancelled");
		assertThat(reply.headers().schemaVersion()).isEqualTo("1");
		var payload = outbox.payload(reply);
		assertThat(payload.get("orderId").asString()).isEqualTo(ticket.orderId().toString());
		assertThat(payload.get("ticketId").asString()).isEqualTo(ticket.id().toString());
		assertThat(ticketEvents(ticket)).containsExactly("TicketCancelled");
	}

	@Test
	void cancelsAnAcceptedTicket() {
		var ticket = accepted();

		var reply = awaitReply(cancellationRequested(ticket).send());

		assertThat(reply.type()).isEqualTo("TicketCancelled");
		assertThat(tickets.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.CANCELLED);
		assertThat(ticketEvents(ticket)).containsExactly("TicketAccepted", "TicketCancelled");
	}

	@Test
	void refusesOnceTheKitchenStartedPreparing() {
		var ticket = accepted();
		tickets.startPreparing(ticket.id(), ANYONE);

		var reply = awaitReply(cancellationRequested(ticket).send());

		assertThat(reply.type()).isEqualTo("TicketCancellationRefused");
		assertThat(reply.key()).isEqualTo(ticket.orderId().toString());
		var payload = outbox.payload(reply);
		assertThat(payload.get("orderId").asString()).isEqualTo(ticket.orderId().toString());
		assertThat(payload.get("ticketId").asString()).isEqualTo(ticket.id().toString());
		assertThat(payload.get("reason").asString()).contains("PREPARING");
		assertThat(tickets.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.PREPARING);
		assertThat(ticketEvents(ticket)).containsExactly("TicketAccepted", "TicketPreparationStarted");
	}

	@Test
	void refusesAnUnknownTicket() {
		var orderId = UUID.randomUUID();
		var ticketId = UUID.randomUUID();

		var reply = awaitReply(cancellationRequested(orderId, ticketId).send());

		assertThat(reply.type()).isEqualTo("TicketCancellationRefused");
		assertThat(outbox.payload(reply).get("ticketId").asString()).isEqualTo(ticketId.toString());
		assertThat(outbox.payload(reply).get("reason").asString()).contains("has no ticket " + ticketId);
	}

	@Test
	void refusesToCancelTheTicketOfAnotherOrder() {
		var ticket = ticket();

		var reply = awaitReply(cancellationRequested(UUID.randomUUID(), ticket.id()).send());

		assertThat(reply.type()).isEqualTo("TicketCancellationRefused");
		assertThat(tickets.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
	}

	@Test
	void cancelsOnceForARequestDeliveredTwice() {
		var ticket = ticket();
		var request = cancellationRequested(ticket);

		request.send();
		request.send();
		// same key, so same partition: once this one is processed, both copies before it were seen
		var later = RelayedRecord.of("order.events", ticket.orderId(), "OrderNoted", "{}").send();

		await().atMost(PATIENCE).until(() -> processed(later));
		assertThat(outbox.committedReplies(request.id())).hasSize(1);
		assertThat(ticketEvents(ticket)).containsExactly("TicketCancelled");
	}

	@Test
	void answersARepeatedRequestForACancelledTicketAgainWithoutAnotherEvent() {
		var ticket = ticket();
		awaitReply(cancellationRequested(ticket).send());

		var again = awaitReply(cancellationRequested(ticket).send());

		assertThat(again.type()).isEqualTo("TicketCancelled");
		assertThat(ticketEvents(ticket)).containsExactly("TicketCancelled");
	}

	@Test
	void passesOverTheOtherOrderEvents() {
		var ticket = ticket();
		var orderId = ticket.orderId().value();
		var json = "{\"orderId\": \"%s\", \"ticketId\": \"%s\", \"state\": \"CANCELLED\"}".formatted(orderId, ticket.id());

		var created = RelayedRecord.of("order.events", orderId, "OrderCreated", json).send();
		var cancelled = RelayedRecord.of("order.events", orderId, "OrderCancelled", json).replyTo("order.replies").send();
		// a type order-service might add later: recorded and ignored, unlike the two the kitchen skips
		var unknown = RelayedRecord.of("order.events", orderId, "OrderRerouted", json).send();

		// all keyed by the order, hence on one partition: once the last is recorded, the first two were seen
		await().atMost(PATIENCE).until(() -> processed(unknown));
		assertThat(processed(created)).as("skipped without a transaction").isFalse();
		assertThat(processed(cancelled)).as("skipped without a transaction").isFalse();
		assertThat(outbox.committedReplies(created.id())).isEmpty();
		assertThat(outbox.committedReplies(cancelled.id())).isEmpty();
		assertThat(tickets.find(ticket.id(), ANYONE).state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
		assertThat(ticketEvents(ticket)).isEmpty();
	}
}
