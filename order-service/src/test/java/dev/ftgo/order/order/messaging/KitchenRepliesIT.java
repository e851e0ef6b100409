package dev.ftgo.order.order.messaging;

import static dev.ftgo.order.OutboxLog.sentAbout;
import static dev.ftgo.order.OutboxLog.sentWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.ftgo.order.OutboxLog.Sent;
import dev.ftgo.order.Relay;
import dev.ftgo.order.WithStubbedServices;

/**
 * The kitchen's replies on order.replies, published to a real broker as cdc-relay would publish them,
 * drive the order and make it send the right events and notifications, once per message.
 */
class KitchenRepliesIT extends WithStubbedServices {

	private static final String REPLIES = "order.replies";

	/** A reply as the kitchen sends it; the service goes by the order id in it, not by what it answers. */
	static UUID reply(UUID orderId, String type, String json) {
		return Relay.publishReply(REPLIES, orderId.toString(), type, json, UUID.randomUUID().toString());
	}

	static String ticketCreated(UUID orderId, UUID ticketId) {
		return """
				{"orderId": "%s", "ticketId": "%s"}""".formatted(orderId, ticketId);
	}

	@Test
	void ticketCreatedApprovesTheOrderAndTellsTheConsumer() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		var ticketId = UUID.randomUUID();

		reply(orderId, "TicketCreated", ticketCreated(orderId, ticketId));

		awaitState(orderId, "APPROVED");
		assertThat(order(orderId).get("ticketId").asString()).isEqualTo(ticketId.toString());
		assertThat(sentAbout(orderId, "OrderApproved")).singleElement().satisfies(approved -> {
			assertThat(approved.destination()).isEqualTo("order.events");
			assertThat(approved.key()).isEqualTo(orderId.toString());
			assertThat(approved.payload().get("ticketId").asString()).isEqualTo(ticketId.toString());
		});
		assertThat(notifications(consumerId, orderId)).singleElement().satisfies(notify -> {
			assertThat(notify.destination()).isEqualTo("consumer.commands");
			assertThat(notify.payload().get("consumerId").asString()).isEqualTo(consumerId.toString());
			assertThat(notify.payload().get("subject").asString()).isEqualTo("Order approved");
			assertThat(notify.payload().get("message").asString()).contains(orderId.toString());
		});
	}

	@Test
	void createTicketRefusedRejectsTheOrderWithTheKitchensReason() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());

		reply(orderId, "CreateTicketRefused", """
				{"orderId": "%s", "reason": "Restaurant is closed"}""".formatted(orderId));

		awaitState(orderId, "REJECTED");
		assertThat(order(orderId).get("rejectionReason").asString()).isEqualTo("Restaurant is closed");
		assertThat(sentAbout(orderId, "OrderRejected")).singleElement()
			.satisfies(rejected -> assertThat(rejected.payload().get("reason").asString()).isEqualTo("Restaurant is closed"));
		assertThat(notifications(consumerId, orderId)).singleElement()
			.satisfies(notify -> assertThat(notify.payload().get("message").asString()).contains("Restaurant is closed"));
	}

	@Test
	void ticketCancelledConfirmsAPendingCancellation() {
		var orderId = approvedOrder();
		assertThat(cancel(orderId).status()).isEqualTo(202);

		reply(orderId, "TicketCancelled", """
				{"orderId": "%s", "ticketId": "%s"}""".formatted(orderId, order(orderId).get("ticketId").asString()));

		awaitState(orderId, "CANCELLED");
		assertThat(sentAbout(orderId, "OrderCancelled")).singleElement()
			.satisfies(cancelled -> assertThat(cancelled.payload().get("state").asString()).isEqualTo("CANCELLED"));
	}

	@Test
	void ticketCancellationRefusedReturnsTheOrderToWhereItWas() {
		var orderId = approvedOrder();
		assertThat(cancel(orderId).status()).isEqualTo(202);

		reply(orderId, "TicketCancellationRefused", """
				{"orderId": "%s", "ticketId": "%s", "reason": "already preparing"}"""
			.formatted(orderId, order(orderId).get("ticketId").asString()));

		awaitState(orderId, "APPROVED");
		assertThat(sentAbout(orderId, "OrderCancellationRejected")).singleElement()
			.satisfies(rejected -> assertThat(rejected.payload().get("state").asString()).isEqualTo("APPROVED"));
	}

	@Test
	void theSameReplyDeliveredTwiceIsAppliedOnce() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		var copy = UUID.randomUUID();
		var json = ticketCreated(orderId, UUID.randomUUID());

		Relay.publish(REPLIES, orderId.toString(), copy, "TicketCreated", json);
		Relay.publish(REPLIES, orderId.toString(), copy, "TicketCreated", json);
		// same key, same partition: once this one is processed, both copies have been
		awaitProcessed(reply(orderId, "SomethingTheKitchenMayAddLater", "{}"));

		assertThat(order(orderId).get("state").asString()).isEqualTo("APPROVED");
		assertThat(order(orderId).get("version").asLong()).isEqualTo(1);
		assertThat(sentAbout(orderId, "OrderApproved")).hasSize(1);
		assertThat(notifications(consumerId, orderId)).hasSize(1);
	}

	@Test
	void aLateReplyThatNoLongerFitsIsIgnoredNotRetried() {
		var orderId = approvedOrder();
		var ticketId = order(orderId).get("ticketId").asString();

		// a copy under a new message id, and an answer contradicting the first
		var late = reply(orderId, "TicketCreated", ticketCreated(orderId, UUID.randomUUID()));
		var contradicting = reply(orderId, "CreateTicketRefused", """
				{"orderId": "%s", "reason": "too late"}""".formatted(orderId));

		awaitProcessed(late);
		awaitProcessed(contradicting);
		var order = order(orderId);
		assertThat(order.get("state").asString()).isEqualTo("APPROVED");
		assertThat(order.get("ticketId").asString()).isEqualTo(ticketId);
		assertThat(order.get("version").asLong()).isEqualTo(1);
		assertThat(sentAbout(orderId, "OrderApproved")).hasSize(1);
		assertThat(sentAbout(orderId, "OrderRejected")).isEmpty();
		assertThat(deadLetters(orderId)).isEmpty();
	}

	@Test
	void readsRepliesTolerantly() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());
		var ticketId = UUID.randomUUID();

		var ignored = reply(orderId, "TicketTeleported", "{\"orderId\": \"" + orderId + "\", \"to\": \"Mars\"}");
		reply(orderId, "TicketCreated", """
				{"orderId": "%s", "ticketId": "%s", "kitchenNote": {"chef": "Ada"}, "estimatedMinutes": 20}"""
			.formatted(orderId, ticketId));

		awaitState(orderId, "APPROVED");
		assertThat(processed(ignored)).isEqualTo(1);
		assertThat(order(orderId).get("ticketId").asString()).isEqualTo(ticketId.toString());
	}

	@Test
	void aReplyAboutAnOrderThatDoesNotExistEndsOnTheDeadLetterTopic() {
		var nowhere = UUID.randomUUID();

		var id = reply(nowhere, "TicketCreated", ticketCreated(nowhere, UUID.randomUUID()));

		await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters(nowhere).isEmpty());
		assertThat(deadLetters(nowhere)).singleElement()
			.satisfies(parked -> assertThat(Relay.header(parked, "id")).isEqualTo(id.toString()));
		assertThat(processed(id)).isZero();
	}

	private UUID approvedOrder() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());
		reply(orderId, "TicketCreated", ticketCreated(orderId, UUID.randomUUID()));
		awaitState(orderId, "APPROVED");
		return orderId;
	}

	static List<Sent> notifications(UUID consumerId, UUID orderId) {
		return sentWithKey(consumerId).stream()
			.filter(sent -> sent.type().equals("NotifyConsumer"))
			.filter(sent -> sent.payload().get("orderId").asString().equals(orderId.toString()))
			.toList();
	}

	private static List<ConsumerRecord<String, byte[]>> deadLetters(UUID orderId) {
		return Relay.readAll(REPLIES + "-dlt").stream().filter(record -> orderId.toString().equals(record.key())).toList();
	}
}
