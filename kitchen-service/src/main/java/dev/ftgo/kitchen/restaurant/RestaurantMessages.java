package dev.ftgo.kitchen.restaurant;

import java.util.List;

/**
 * Sends what restaurants recorded ({@link Restaurant#releaseMessages()}). Must be called inside the transaction
 * that saves the change: an implementation writes to the outbox of that transaction, so the messages exist
 * exactly when the change does.
 */
public interface RestaurantMessages {

	void send(List<RestaurantEvent> messages);
}
