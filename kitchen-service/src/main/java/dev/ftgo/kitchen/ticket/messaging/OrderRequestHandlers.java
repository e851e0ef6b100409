package dev.ftgo.kitchen.ticket.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.ticket.ConsumerId;
import dev.ftgo.kitchen.ticket.CreateTicket;
import dev.ftgo.kitchen.ticket.CreateTicketRefused;
import dev.ftgo.kitchen.ticket.IllegalTicketStateException;
import dev.ftgo.kitchen.ticket.OrderCancellationRequested;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.OrderedItem;
import dev.ftgo.kitchen.ticket.TicketCancellationRefused;
import dev.ftgo.kitchen.ticket.TicketCancelled;
import dev.ftgo.kitchen.ticket.TicketCreated;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketNotFoundException;
import dev.ftgo.kitchen.ticket.TicketRefusedException;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.messaging.ReceivedMessage;

/**
 * What order-service asks of the kitchen, answered on the request's {@code replyTo} topic. Each handler
 * runs in the transaction that records the request as processed, so the ticket change, its event and
 * the reply commit together, once per request.
 */
@Component
class OrderRequestHandlers {

	private final TicketService tickets;
	private final Replies replies;

	OrderRequestHandlers(TicketService tickets, Replies replies) {
		this.tickets = tickets;
		this.replies = replies;
	}

	void onCreateTicket(CreateTicket command, ReceivedMessage message) {
		var orderId = requireOrderId(command.orderId(), message);
		Object reply;
		try {
			var ticket = tickets.createTicket(new OrderId(orderId), consumerId(command), restaurantId(command),
					orderedItems(command));
			reply = new TicketCreated(orderId, ticket.id().value());
		}
		catch (TicketRefusedException refused) {
			reply = new CreateTicketRefused(orderId, refused.getMessage());
		}
		catch (InvalidCommandException invalid) {
			// refused rather than dead-lettered: the order would otherwise wait for an answer forever
			reply = new CreateTicketRefused(orderId, invalid.getMessage());
		}
		replies.send(message, orderId, reply);
	}

	void onOrderCancellationRequested(OrderCancellationRequested request, ReceivedMessage message) {
		var orderId = requireOrderId(request.orderId(), message);
		var ticketId = request.ticketId() == null ? null : new TicketId(request.ticketId());
		Object reply;
		try {
			var ticket = tickets.cancelForOrder(new OrderId(orderId), ticketId);
			reply = new TicketCancelled(ticket.id().value(), orderId);
		}
		catch (TicketNotFoundException | IllegalTicketStateException refused) {
			reply = new TicketCancellationRefused(orderId, request.ticketId(), refused.getMessage());
		}
		replies.send(message, orderId, reply);
	}

	/** Without an order id there is nobody to answer: the message fails and ends on the dead-letter topic. */
	private static UUID requireOrderId(UUID orderId, ReceivedMessage message) {
		if (orderId == null) {
			throw new IllegalArgumentException(message.type() + " " + message.id() + " names no orderId");
		}
		return orderId;
	}

	/** Optional: a CreateTicket of an order-service older than schema 1.1 does not name the consumer. */
	private static ConsumerId consumerId(CreateTicket command) {
		return command.consumerId() == null ? null : new ConsumerId(command.consumerId());
	}

	private static RestaurantId restaurantId(CreateTicket command) {
		if (command.restaurantId() == null) {
			throw new InvalidCommandException("The order names no restaurant");
		}
		return new RestaurantId(command.restaurantId());
	}

	private static List<OrderedItem> orderedItems(CreateTicket command) {
		if (command.lineItems() == null || command.lineItems().isEmpty()) {
			throw new InvalidCommandException("The order has no line items");
		}
		var items = new ArrayList<OrderedItem>();
		for (var item : command.lineItems()) {
			if (item == null) {
				throw new InvalidCommandException("The order has an empty line item");
			}
			try {
				items.add(new OrderedItem(item.menuItemId(), item.quantity()));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidCommandException("The order has an invalid line item: " + e.getMessage());
			}
		}
		return items;
	}

	/** A command that no kitchen could fulfil as it is; checked before any change is made. */
	private static final class InvalidCommandException extends RuntimeException {

		InvalidCommandException(String message) {
			super(message);
		}
	}
}
