package dev.ftgo.order.order.messaging;

/** The channels of the order lifecycle (docs/messaging.md); names are part of the contract, not settings. */
final class Topics {

	/** Published by this service: every change of an order. Key: orderId. */
	static final String ORDER_EVENTS = "order.events";
	/** The kitchen's answers to this service's commands and cancellation requests. Key: orderId. */
	static final String ORDER_REPLIES = "order.replies";
	/** Commands to kitchen-service. Key: orderId. */
	static final String KITCHEN_COMMANDS = "kitchen.commands";
	/** Commands to consumer-service. Key: consumerId. */
	static final String CONSUMER_COMMANDS = "consumer.commands";
	/** Published by kitchen-service: every step of a ticket. Key: ticketId. */
	static final String TICKET_EVENTS = "ticket.events";

	private Topics() {
	}
}
