package dev.ftgo.order.order.messaging;

import static dev.ftgo.order.OutboxLog.sentAbout;
import static dev.ftgo.order.order.messaging.KitchenRepliesIT.notifications;
import static dev.ftgo.order.order.messaging.KitchenRepliesIT.reply;
import static dev.ftgo.order.order.messaging.KitchenRepliesIT.ticketCreated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.Relay;
import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.order.order.Orders;

/** The order follows its ticket through the kitchen, from ticket.events published as cdc-relay would. */
class TicketEventsIT extends WithStubbedServices {

	private static final Instant READY_BY = Instant.parse("2026-01-01T12:30:00Z");

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

	private static UUID ticketEvent(UUID ticketId, UUID orderId, String type) {
		return Relay.publish("ticket.events", ticketId.toString(), type, """
				{"ticketId": "%s", "orderId": "%s"}""".formatted(ticketId, orderId));
	}

	private static UUID ticketAccepted(UUID ticketId, UUID orderId) {
		return Relay.publish("ticket.events", ticketId.toString(), "TicketAccepted", """
				{"ticketId": "%s", "orderId": "%s", "readyBy": "%s"}""".formatted(ticketId, orderId, READY_BY));
	}

	private Instant readyBy(UUID orderId) {
		return transaction.execute(status -> orders.findById(orderId).orElseThrow().readyBy());
	}

	@Test
	void followsTheTicketFromAcceptedToPickedUpAndTellsTheConsumerWhenItIsReady() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		var ticketId = UUID.randomUUID();
		reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId));
		awaitState(orderId, "APPROVED");

		ticketAccepted(ticketId, orderId);
		awaitState(orderId, "ACCEPTED");
		assertThat(readyBy(orderId)).isEqualTo(READY_BY);

		ticketEvent(ticketId, orderId, "TicketPreparationStarted");
		awaitState(orderId, "PREPARING");
		assertThat(notifications(consumerId, orderId)).hasSize(1);

		ticketEvent(ticketId, orderId, "TicketReadyForPickup");
		awaitState(orderId, "READY_FOR_PICKUP");
		assertThat(notifications(consumerId, orderId)).hasSize(2).last()
			.satisfies(ready -> assertThat(ready.payload().get("subject").asString()).isEqualTo("Order ready for pickup"));

		ticketEvent(ticketId, orderId, "TicketPickedUp");
		awaitState(orderId, "PICKED_UP");
		assertThat(notifications(consumerId, orderId)).hasSize(2);
	}

	/**
	 * The kitchen started preparing before it saw the cancellation request, so it refuses it: the order must
	 * end in PREPARING, from where the ticket's next steps still apply, not in the ACCEPTED it was cancelled from.
	 */
	@Test
	void aPreparationStartedWhileACancellationIsPendingIsWhereTheRefusedCancellationEnds() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());
		var ticketId = UUID.randomUUID();
		reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId));
		ticketAccepted(ticketId, orderId);
		awaitState(orderId, "ACCEPTED");
		assertThat(cancel(orderId).status()).isEqualTo(202);

		awaitProcessed(ticketEvent(ticketId, orderId, "TicketPreparationStarted"));
		assertThat(order(orderId).get("state").asString()).isEqualTo("CANCEL_PENDING");
		reply(orderId, "TicketCancellationRefused", """
				{"orderId": "%s", "ticketId": "%s", "reason": "Ticket is already being prepared"}""".formatted(orderId, ticketId));

		awaitState(orderId, "PREPARING");
		assertThat(sentAbout(orderId, "OrderCancellationRejected")).singleElement()
			.satisfies(rejected -> assertThat(rejected.payload().get("state").asString()).isEqualTo("PREPARING"));
		ticketEvent(ticketId, orderId, "TicketReadyForPickup");
		awaitState(orderId, "READY_FOR_PICKUP");
	}

	/** Replies and ticket events travel on different topics; nothing orders one after the other. */
	@Test
	void aTicketAcceptedBeforeTheTicketCreatedReplyApprovesTheOrderOnce() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		var ticketId = UUID.randomUUID();

		ticketAccepted(ticketId, orderId);
		awaitState(orderId, "ACCEPTED");
		awaitProcessed(reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId)));

		assertThat(order(orderId).get("state").asString()).isEqualTo("ACCEPTED");
		assertThat(order(orderId).get("ticketId").asString()).isEqualTo(ticketId.toString());
		assertThat(sentAbout(orderId, "OrderApproved")).singleElement()
			.satisfies(approved -> assertThat(approved.payload().get("ticketId").asString()).isEqualTo(ticketId.toString()));
		assertThat(notifications(consumerId, orderId)).hasSize(1);
	}

	@Test
	void theSameTicketEventDeliveredTwiceNotifiesOnce() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		var ticketId = UUID.randomUUID();
		reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId));
		ticketAccepted(ticketId, orderId);
		ticketEvent(ticketId, orderId, "TicketPreparationStarted");
		awaitState(orderId, "PREPARING");
		var ready = UUID.randomUUID();
		var json = """
				{"ticketId": "%s", "orderId": "%s"}""".formatted(ticketId, orderId);

		Relay.publish("ticket.events", ticketId.toString(), ready, "TicketReadyForPickup", json);
		Relay.publish("ticket.events", ticketId.toString(), ready, "TicketReadyForPickup", json);
		awaitProcessed(ticketEvent(ticketId, orderId, "TicketInspectedByHealthDepartment"));

		assertThat(order(orderId).get("state").asString()).isEqualTo("READY_FOR_PICKUP");
		assertThat(notifications(consumerId, orderId)).extracting(sent -> sent.payload().get("subject").asString())
			.containsExactly("Order approved", "Order ready for pickup");
	}

	@Test
	void aStepThatDoesNotFitOrComesFromAnotherTicketIsIgnored() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());
		var ticketId = UUID.randomUUID();
		reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId));
		awaitState(orderId, "APPROVED");

		var skipping = ticketEvent(ticketId, orderId, "TicketPickedUp");
		var otherTicket = UUID.randomUUID();
		var foreign = ticketAccepted(otherTicket, orderId);

		awaitProcessed(skipping);
		awaitProcessed(foreign);
		assertThat(order(orderId).get("state").asString()).isEqualTo("APPROVED");
		assertThat(order(orderId).get("version").asLong()).isEqualTo(1);
	}
}
