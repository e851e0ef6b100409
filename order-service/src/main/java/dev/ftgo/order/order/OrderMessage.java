package dev.ftgo.order.order;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link Order} has to tell others because of a transition: events (past tense) about the order,
 * and commands (imperative) to the services that act on it. The order records them; the application
 * services hand them to {@link OrderMessages} in the transaction that saves the change. Which topic, key
 * and JSON shape each one gets is the messaging adapter's business (docs/messaging.md).
 */
public sealed interface OrderMessage {

	OrderId orderId();

	/** The order was placed and awaits the kitchen's answer. */
	record OrderCreated(OrderId orderId, ConsumerId consumerId, RestaurantId restaurantId,
			List<OrderLineItem> lineItems, Money orderTotal) implements OrderMessage {

		public OrderCreated {
			lineItems = List.copyOf(lineItems);
		}
	}

	/**
	 * Asks the kitchen to create a ticket for the order; it answers with a {@link KitchenReply}. The consumer goes
	 * along so that the kitchen can let that consumer see the ticket.
	 */
	record CreateTicket(OrderId orderId, RestaurantId restaurantId, ConsumerId consumerId,
			List<OrderLineItem> lineItems) implements OrderMessage {

		public CreateTicket {
			Objects.requireNonNull(consumerId, "consumerId");
			lineItems = List.copyOf(lineItems);
		}
	}

	record OrderApproved(OrderId orderId, TicketId ticketId) implements OrderMessage {
	}

	record OrderRejected(OrderId orderId, String reason) implements OrderMessage {
	}

	/** Published for the kitchen, which answers whether it could cancel the ticket. */
	record OrderCancellationRequested(OrderId orderId, TicketId ticketId) implements OrderMessage {
	}

	record OrderCancelled(OrderId orderId, OrderState state) implements OrderMessage {
	}

	/** The kitchen refused; {@code state} is where the order went back to. */
	record OrderCancellationRejected(OrderId orderId, OrderState state) implements OrderMessage {
	}

	/** Tells the consumer something about their order; one way, nobody answers. */
	record NotifyConsumer(ConsumerId consumerId, OrderId orderId, String subject, String message)
			implements OrderMessage {

		public NotifyConsumer {
			Objects.requireNonNull(consumerId, "consumerId");
		}
	}
}
