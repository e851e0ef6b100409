package dev.ftgo.kitchen.ticket.messaging;

import static dev.ftgo.kitchen.ticket.TicketAccess.ANYONE;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.messaging.Message;
import dev.ftgo.testsupport.RelayedRecord;

/** order-service's CreateTicket, put on the real broker as cdc-relay would, creates a ticket or is refused, and is answered. */
class CreateTicketIT extends RunningKitchenService {

	@Autowired
	RestaurantService restaurants;

	@Autowired
	TicketService tickets;

	@Autowired
	JdbcTemplate jdbc;

	private Restaurant restaurant() {
		return storedRestaurant(CURRY, NAAN);
	}

	private static String command(UUID orderId, Object restaurantId, String menuItemId) {
		return """
				{"orderId": "%s", "restaurantId": "%s",
				 "lineItems": [{"menuItemId": "%s", "name": "What the order called it", "quantity": 2}]}"""
				.formatted(orderId, restaurantId, menuItemId);
	}

	/** As order-service sends it since CreateTicket 1.1: naming the consumer who placed the order. */
	private static String commandOf(UUID orderId, UUID consumerId, Object restaurantId) {
		return """
				{"orderId": "%s", "restaurantId": "%s", "consumerId": "%s",
				 "lineItems": [{"menuItemId": "m1", "name": "Curry", "quantity": 1}]}"""
				.formatted(orderId, restaurantId, consumerId);
	}

	private static RelayedRecord createTicket(UUID orderId, String json) {
		return RelayedRecord.of("kitchen.commands", orderId, "CreateTicket", json).replyTo("order.replies");
	}

	private Message awaitReply(RelayedRecord request) {
		await().atMost(PATIENCE).until(() -> !outbox.committedReplies(request.id()).isEmpty());
		var replies = outbox.committedReplies(request.id());
		assertThat(replies).hasSize(1);
		return replies.get(0);
	}

	private int ticketsFor(UUID orderId) {
		return jdbc.queryForObject("SELECT count(*) FROM ticket WHERE order_id = ?", Integer.class, orderId);
	}

	private boolean processed(RelayedRecord record) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = 'kitchen-service' AND message_id = ?",
				Integer.class, record.id()) == 1;
	}

	@Test
	void createsTheTicketAndRepliesTicketCreated() {
		var orderId = UUID.randomUUID();

		var request = createTicket(orderId, command(orderId, restaurant().id(), "m1")).send();

		await().atMost(PATIENCE).until(() -> tickets.findForOrder(new OrderId(orderId), ANYONE).isPresent());
		var ticket = tickets.findForOrder(new OrderId(orderId), ANYONE).orElseThrow();
		assertThat(ticket.state()).isEqualTo(TicketState.AWAITING_ACCEPTANCE);
		assertThat(ticket.lineItems()).singleElement().satisfies(item -> {
			assertThat(item.name()).as("named as on the kitchen's menu").isEqualTo("Curry");
			assertThat(item.quantity()).isEqualTo(2);
		});
		var reply = awaitReply(request);
		assertThat(reply.destination()).isEqualTo("order.replies");
		assertThat(reply.key()).isEqualTo(orderId.toString());
		assertThat(reply.type()).isEqualTo("TicketCreated");
		assertThat(reply.headers().correlationId()).isEqualTo(request.id().toString());
		assertThat(reply.headers().schemaVersion()).isEqualTo("1");
		var payload = outbox.payload(reply);
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payload.get("ticketId").asString()).isEqualTo(ticket.id().toString());
	}

	@Test
	void keepsTheConsumerSoThatOnlyThatConsumerMayReadTheTicket() {
		var orderId = UUID.randomUUID();
		var consumerId = UUID.randomUUID();

		var reply = awaitReply(createTicket(orderId, commandOf(orderId, consumerId, restaurant().id())).send());

		assertThat(reply.type()).isEqualTo("TicketCreated");
		var ticketId = outbox.payload(reply).get("ticketId").asString();
		assertThat(consumerOfTicketFor(orderId)).isEqualTo(consumerId);
		var read = asConsumer(consumerId).get("/api/v1/tickets/" + ticketId);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.json().has("consumerId")).as("the ticket's JSON keeps its v1 shape").isFalse();
		assertThat(asConsumer(consumerId).get("/api/v1/tickets?orderId=" + orderId).json().at("/0/ticketId").asString())
				.isEqualTo(ticketId);
		assertProblem(asConsumer(UUID.randomUUID()).get("/api/v1/tickets/" + ticketId), 404);
	}

	/** An order-service older than CreateTicket 1.1 does not name the consumer: the ticket is made all the same. */
	@Test
	void createsTheTicketOfACommandWithoutConsumerWhichNoConsumerMayRead() {
		var orderId = UUID.randomUUID();
		var consumerId = UUID.randomUUID();

		var reply = awaitReply(createTicket(orderId, command(orderId, restaurant().id(), "m1")).send());

		assertThat(reply.type()).isEqualTo("TicketCreated");
		var ticketId = outbox.payload(reply).get("ticketId").asString();
		assertThat(consumerOfTicketFor(orderId)).isNull();
		assertThat(asAdmin().get("/api/v1/tickets/" + ticketId).status()).isEqualTo(200);
		assertProblem(asConsumer(consumerId).get("/api/v1/tickets/" + ticketId), 404);
		assertNoTicketListed(asConsumer(consumerId).get("/api/v1/tickets?orderId=" + orderId));
	}

	private UUID consumerOfTicketFor(UUID orderId) {
		return jdbc.queryForObject("SELECT consumer_id FROM ticket WHERE order_id = ?", UUID.class, orderId);
	}

	@Test
	void repliesInTheTraceOfTheCommandFromItsOwnSpan() {
		var orderId = UUID.randomUUID();
		var traceId = orderId.toString().replace("-", "");
		var sendersSpan = "00f067aa0ba902b7";

		var reply = awaitReply(createTicket(orderId, command(orderId, restaurant().id(), "m1"))
				.traceparent("00-" + traceId + "-" + sendersSpan + "-01").send());

		assertThat(reply.headers().traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
				.doesNotContain(sendersSpan);
	}

	@Test
	void refusesAnOrderForAClosedRestaurant() {
		var restaurant = restaurant();
		restaurants.close(restaurant.id());
		var orderId = UUID.randomUUID();

		var reply = awaitReply(createTicket(orderId, command(orderId, restaurant.id(), "m1")).send());

		assertRefused(reply, orderId, "is closed");
	}

	@Test
	void refusesAnOrderForAnItemNotOnTheMenu() {
		var orderId = UUID.randomUUID();

		var reply = awaitReply(createTicket(orderId, command(orderId, restaurant().id(), "m7")).send());

		assertRefused(reply, orderId, "Menu item m7 is not on the menu");
	}

	@Test
	void refusesAnOrderForAnUnknownRestaurant() {
		var orderId = UUID.randomUUID();

		var reply = awaitReply(createTicket(orderId, command(orderId, UUID.randomUUID(), "m1")).send());

		assertRefused(reply, orderId, "No restaurant with id");
	}

	/** Answered rather than dead-lettered: otherwise the order would wait for the kitchen forever. */
	@Test
	void refusesACommandWithoutLineItems() {
		var orderId = UUID.randomUUID();
		var json = "{\"orderId\": \"%s\", \"restaurantId\": \"%s\", \"lineItems\": []}".formatted(orderId, restaurant().id());

		var reply = awaitReply(createTicket(orderId, json).send());

		assertRefused(reply, orderId, "no line items");
	}

	private void assertRefused(Message reply, UUID orderId, String reason) {
		assertThat(reply.type()).isEqualTo("CreateTicketRefused");
		assertThat(reply.destination()).isEqualTo("order.replies");
		assertThat(reply.key()).isEqualTo(orderId.toString());
		var payload = outbox.payload(reply);
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payload.get("reason").asString()).contains(reason);
		assertThat(ticketsFor(orderId)).isZero();
	}

	@Test
	void createsOneTicketAndOneReplyForACommandDeliveredTwice() {
		var orderId = UUID.randomUUID();
		var request = createTicket(orderId, command(orderId, restaurant().id(), "m1"));

		request.send();
		request.send();
		// same key, so same partition: once this one is processed, both copies before it were seen
		var later = RelayedRecord.of("kitchen.commands", orderId, "SomethingLater", "{}").send();

		await().atMost(PATIENCE).until(() -> processed(later));
		assertThat(ticketsFor(orderId)).isOne();
		assertThat(outbox.committedReplies(request.id())).hasSize(1);
	}

	@Test
	void repliesWithTheSameTicketToAnotherCommandForTheSameOrder() {
		var orderId = UUID.randomUUID();
		var restaurant = restaurant();

		var first = awaitReply(createTicket(orderId, command(orderId, restaurant.id(), "m1")).send());
		var second = awaitReply(createTicket(orderId, command(orderId, restaurant.id(), "m2")).send());

		assertThat(second.type()).isEqualTo("TicketCreated");
		assertThat(outbox.payload(second).get("ticketId").asString())
				.isEqualTo(outbox.payload(first).get("ticketId").asString());
		assertThat(ticketsFor(orderId)).isOne();
	}

	@Test
	void repliesWhereTheCommandAsksAndToOrderRepliesWhenItDoesNotSay() {
		var restaurant = restaurant();
		var asked = UUID.randomUUID();
		var unsaid = UUID.randomUUID();

		var toAsked = awaitReply(RelayedRecord.of("kitchen.commands", asked, "CreateTicket", command(asked, restaurant.id(), "m1"))
				.replyTo("order.replies.elsewhere").send());
		var toDefault = awaitReply(RelayedRecord.of("kitchen.commands", unsaid, "CreateTicket", command(unsaid, restaurant.id(), "m1"))
				.send());

		assertThat(toAsked.destination()).isEqualTo("order.replies.elsewhere");
		assertThat(toDefault.destination()).isEqualTo("order.replies");
		assertThat(toDefault.type()).isEqualTo("TicketCreated");
	}

	@Test
	void acceptsACommandWithFieldsItDoesNotKnow() {
		var orderId = UUID.randomUUID();
		var json = """
				{"orderId": "%s", "restaurantId": "%s", "priority": "high", "addedLater": {"nested": [1, 2]},
				 "lineItems": [{"menuItemId": "m2", "name": "Naan", "quantity": 1, "price": {"amount": "3.00", "currency": "USD"}}]}"""
				.formatted(orderId, restaurant().id());

		var reply = awaitReply(createTicket(orderId, json).send());

		assertThat(reply.type()).isEqualTo("TicketCreated");
		assertThat(ticketsFor(orderId)).isOne();
	}

	@Test
	void skipsACommandTypeItDoesNotKnow() {
		var orderId = UUID.randomUUID();

		var unknown = RelayedRecord.of("kitchen.commands", orderId, "CookSomethingSpecial", command(orderId, restaurant().id(), "m1"))
				.replyTo("order.replies").send();

		await().atMost(PATIENCE).until(() -> processed(unknown));
		assertThat(outbox.committedReplies(unknown.id())).isEmpty();
		assertThat(ticketsFor(orderId)).isZero();
	}
}
