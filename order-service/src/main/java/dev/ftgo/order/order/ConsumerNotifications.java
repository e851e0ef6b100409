package dev.ftgo.order.order;

/** What the consumer is told about their order, and when: on approval, rejection and ready-for-pickup. */
final class ConsumerNotifications {

	private ConsumerNotifications() {
	}

	static OrderMessage.NotifyConsumer approved(Order order) {
		return notify(order, "Order approved", "Your order " + order.id() + " of " + order.orderTotal()
				+ " was approved; the kitchen has it.");
	}

	static OrderMessage.NotifyConsumer rejected(Order order) {
		return notify(order, "Order rejected", "Your order " + order.id() + " was rejected: "
				+ order.rejectionReason());
	}

	static OrderMessage.NotifyConsumer readyForPickup(Order order) {
		return notify(order, "Order ready for pickup", "Your order " + order.id() + " is ready for pickup.");
	}

	private static OrderMessage.NotifyConsumer notify(Order order, String subject, String message) {
		return new OrderMessage.NotifyConsumer(order.consumerId(), order.id(), subject, message);
	}
}
