package dev.ftgo.kitchen.restaurant;

/**
 * Where the restaurant use cases announce their changes. The implementation must write the event in the
 * caller's transaction, so that it exists if and only if the change commits.
 */
public interface RestaurantEvents {

	void publish(RestaurantEvent event);
}
