package dev.ftgo.order.order;

import java.util.Objects;
import java.util.UUID;

/**
 * The kitchen's answers about an order: to {@link OrderMessage.CreateTicket} and to
 * {@link OrderMessage.OrderCancellationRequested}. Ids are plain UUIDs because these are read straight
 * from the kitchen's JSON; a reply without an order id can never be applied and fails on arrival.
 */
public sealed interface KitchenReply {

	UUID orderId();

	record TicketCreated(UUID orderId, UUID ticketId) implements KitchenReply {

		public TicketCreated {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(ticketId, "ticketId");
		}
	}

	/** E.g. the restaurant is closed or does not know an item. */
	record CreateTicketRefused(UUID orderId, String reason) implements KitchenReply {

		public CreateTicketRefused {
			Objects.requireNonNull(orderId, "orderId");
		}
	}

	record TicketCancelled(UUID orderId, UUID ticketId) implements KitchenReply {

		public TicketCancelled {
			Objects.requireNonNull(orderId, "orderId");
		}
	}

	/** Typically because the kitchen already started preparing. */
	record TicketCancellationRefused(UUID orderId, UUID ticketId, String reason) implements KitchenReply {

		public TicketCancellationRefused {
			Objects.requireNonNull(orderId, "orderId");
		}
	}
}
