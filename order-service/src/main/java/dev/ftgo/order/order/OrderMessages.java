package dev.ftgo.order.order;

import java.util.List;

/**
 * Sends what orders recorded. Must be called inside the transaction that saves the change: an
 * implementation writes to the outbox of that transaction, so the messages exist exactly when the change
 * does.
 */
public interface OrderMessages {

	void send(List<OrderMessage> messages);
}
