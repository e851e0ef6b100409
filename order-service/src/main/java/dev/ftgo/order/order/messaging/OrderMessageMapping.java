package dev.ftgo.order.order.messaging;

import java.util.List;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.order.order.OrderLineItem;
import dev.ftgo.order.order.OrderMessage;
import dev.ftgo.order.order.OrderMessage.CreateTicket;
import dev.ftgo.order.order.OrderMessage.NotifyConsumer;
import dev.ftgo.order.order.OrderMessage.OrderApproved;
import dev.ftgo.order.order.OrderMessage.OrderCancellationRejected;
import dev.ftgo.order.order.OrderMessage.OrderCancellationRequested;
import dev.ftgo.order.order.OrderMessage.OrderCancelled;
import dev.ftgo.order.order.OrderMessage.OrderCreated;
import dev.ftgo.order.order.OrderMessage.OrderRejected;
import dev.ftgo.order.wire.MoneyJson;

/**
 * Turns what an order recorded into messages exactly as docs/messaging.md specifies them: topic, key,
 * type, headers and JSON payload. The payload records below are that JSON; they change only together
 * with the contract.
 */
final class OrderMessageMapping {

	static final String SCHEMA_VERSION = "1";

	private static final MessageHeaders V1 = MessageHeaders.NONE.withSchemaVersion(SCHEMA_VERSION);

	private OrderMessageMapping() {
	}

	static Message toMessage(OrderMessage message) {
		var orderId = message.orderId().toString();
		if (message instanceof OrderCreated created) {
			return event(orderId, "OrderCreated", new OrderCreatedPayload(orderId, created.consumerId().toString(),
					created.restaurantId().toString(), created.lineItems().stream().map(PricedLine::of).toList(),
					MoneyJson.of(created.orderTotal())));
		}
		if (message instanceof CreateTicket command) {
			// a command expecting an answer: the kitchen replies to replyTo and the reply is about this order
			return Message.of(Topics.KITCHEN_COMMANDS, orderId, "CreateTicket",
					new CreateTicketPayload(orderId, command.restaurantId().toString(),
							command.consumerId().toString(), command.lineItems().stream().map(TicketLine::of).toList()))
				.withHeaders(V1.withReplyTo(Topics.ORDER_REPLIES).withCorrelationId(orderId));
		}
		if (message instanceof OrderApproved approved) {
			return event(orderId, "OrderApproved", new TicketPayload(orderId, approved.ticketId().toString()));
		}
		if (message instanceof OrderRejected rejected) {
			return event(orderId, "OrderRejected", new ReasonPayload(orderId, rejected.reason()));
		}
		if (message instanceof OrderCancellationRequested requested) {
			// an event the kitchen answers (publish/async response), hence the replyTo
			return event(orderId, "OrderCancellationRequested", new TicketPayload(orderId, requested.ticketId().toString()))
				.withHeaders(V1.withReplyTo(Topics.ORDER_REPLIES));
		}
		if (message instanceof OrderCancelled cancelled) {
			return event(orderId, "OrderCancelled", new StatePayload(orderId, cancelled.state().name()));
		}
		if (message instanceof OrderCancellationRejected rejected) {
			return event(orderId, "OrderCancellationRejected", new StatePayload(orderId, rejected.state().name()));
		}
		if (message instanceof NotifyConsumer notify) {
			var consumerId = notify.consumerId().toString();
			// one way: no replyTo; keyed by consumer, whose notifications it adds to
			return Message.of(Topics.CONSUMER_COMMANDS, consumerId, "NotifyConsumer",
					new NotifyConsumerPayload(consumerId, orderId, notify.subject(), notify.message()))
				.withHeaders(V1);
		}
		throw new IllegalArgumentException("No mapping for " + message.getClass().getName());
	}

	private static Message event(String orderId, String type, Object payload) {
		return Message.of(Topics.ORDER_EVENTS, orderId, type, payload).withHeaders(V1);
	}

	record OrderCreatedPayload(String orderId, String consumerId, String restaurantId, List<PricedLine> lineItems,
			MoneyJson orderTotal) {
	}

	record PricedLine(String menuItemId, String name, int quantity, MoneyJson price) {

		static PricedLine of(OrderLineItem line) {
			return new PricedLine(line.menuItemId().value(), line.name(), line.quantity().value(), MoneyJson.of(line.price()));
		}
	}

	/** {@code consumerId} since contract 1.1: additive, so {@link #SCHEMA_VERSION} stays 1. */
	record CreateTicketPayload(String orderId, String restaurantId, String consumerId, List<TicketLine> lineItems) {
	}

	record TicketLine(String menuItemId, String name, int quantity) {

		static TicketLine of(OrderLineItem line) {
			return new TicketLine(line.menuItemId().value(), line.name(), line.quantity().value());
		}
	}

	record TicketPayload(String orderId, String ticketId) {
	}

	record ReasonPayload(String orderId, String reason) {
	}

	record StatePayload(String orderId, String state) {
	}

	record NotifyConsumerPayload(String consumerId, String orderId, String subject, String message) {
	}
}
