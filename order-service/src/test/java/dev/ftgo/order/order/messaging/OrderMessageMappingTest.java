package dev.ftgo.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.messaging.Message;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderLineItem;
import dev.ftgo.order.order.OrderMessage;
import dev.ftgo.order.order.OrderState;
import dev.ftgo.order.order.Quantity;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.order.order.TicketId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Topic, key, type, headers and JSON of every message, as docs/messaging.md specifies them. */
class OrderMessageMappingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TicketId TICKET = new TicketId(UUID.randomUUID());

	private final Order order = Order.place(new ConsumerId(UUID.randomUUID()), new RestaurantId(UUID.randomUUID()),
			List.of(new OrderLineItem(new MenuItemId("m1"), "Curry", new Quantity(2), Money.of("12.50", "USD"))), null,
			Instant.parse("2026-01-01T12:00:00Z"));
	private final String orderId = order.id().toString();

	@Test
	void orderCreatedCarriesTheWholeOrderWithMoneyAsDecimalStrings() {
		var message = map(order.releaseMessages().get(0));

		assertEnvelope(message, "order.events", orderId, "OrderCreated");
		assertThat(message.headers().replyTo()).isNull();
		assertThat(json(message)).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "consumerId": "%s", "restaurantId": "%s",
				 "lineItems": [{"menuItemId": "m1", "name": "Curry", "quantity": 2,
				                "price": {"amount": "12.50", "currency": "USD"}}],
				 "orderTotal": {"amount": "25.00", "currency": "USD"}}"""
			.formatted(orderId, order.consumerId(), order.restaurantId())));
	}

	@Test
	void createTicketIsACommandToTheKitchenThatExpectsAReply() {
		var message = map(order.releaseMessages().get(1));

		assertEnvelope(message, "kitchen.commands", orderId, "CreateTicket");
		assertThat(message.headers().replyTo()).isEqualTo("order.replies");
		assertThat(message.headers().correlationId()).isEqualTo(orderId);
		assertThat(json(message)).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "restaurantId": "%s", "consumerId": "%s",
				 "lineItems": [{"menuItemId": "m1", "name": "Curry", "quantity": 2}]}"""
			.formatted(orderId, order.restaurantId(), order.consumerId())));
	}

	@Test
	void approvalAndNotification() {
		order.releaseMessages();
		order.approve(TICKET);
		var messages = order.releaseMessages().stream().map(OrderMessageMappingTest::map).toList();

		assertEnvelope(messages.get(0), "order.events", orderId, "OrderApproved");
		assertThat(json(messages.get(0))).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "ticketId": "%s"}""".formatted(orderId, TICKET)));
		var notify = messages.get(1);
		assertEnvelope(notify, "consumer.commands", order.consumerId().toString(), "NotifyConsumer");
		assertThat(notify.headers().replyTo()).as("one way").isNull();
		assertThat(json(notify).propertyNames()).containsExactlyInAnyOrder("consumerId", "orderId", "subject", "message");
		assertThat(json(notify).get("consumerId").asString()).isEqualTo(order.consumerId().toString());
		assertThat(json(notify).get("orderId").asString()).isEqualTo(orderId);
	}

	@Test
	void cancellationMessages() {
		order.releaseMessages();
		order.approve(TICKET);
		order.requestCancellation();
		order.undoCancellation();
		var messages = order.releaseMessages().stream().map(OrderMessageMappingTest::map)
			.filter(message -> message.destination().equals("order.events")).toList();

		assertThat(messages).extracting(Message::type)
			.containsExactly("OrderApproved", "OrderCancellationRequested", "OrderCancellationRejected");
		assertThat(messages.get(1).headers().replyTo()).isEqualTo("order.replies");
		assertThat(json(messages.get(1))).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "ticketId": "%s"}""".formatted(orderId, TICKET)));
		assertThat(json(messages.get(2))).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "state": "APPROVED"}""".formatted(orderId)));
	}

	@Test
	void rejectionAndCancellation() {
		var rejected = map(new OrderMessage.OrderRejected(order.id(), "Restaurant is closed"));
		var cancelled = map(new OrderMessage.OrderCancelled(order.id(), OrderState.CANCELLED));

		assertEnvelope(rejected, "order.events", orderId, "OrderRejected");
		assertThat(json(rejected)).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "reason": "Restaurant is closed"}""".formatted(orderId)));
		assertEnvelope(cancelled, "order.events", orderId, "OrderCancelled");
		assertThat(json(cancelled)).isEqualTo(JSON.readTree("""
				{"orderId": "%s", "state": "CANCELLED"}""".formatted(orderId)));
	}

	private static Message map(OrderMessage message) {
		return OrderMessageMapping.toMessage(message);
	}

	private static void assertEnvelope(Message message, String topic, String key, String type) {
		assertThat(message.destination()).isEqualTo(topic);
		assertThat(message.key()).isEqualTo(key);
		assertThat(message.type()).isEqualTo(type);
		assertThat(message.headers().schemaVersion()).isEqualTo("1");
	}

	private static JsonNode json(Message message) {
		return JSON.valueToTree(message.payload());
	}
}
