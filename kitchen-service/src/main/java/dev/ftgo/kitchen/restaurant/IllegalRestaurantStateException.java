package dev.ftgo.kitchen.restaurant;

/** A transition the restaurant's current state does not allow, such as closing a closed restaurant. */
public class IllegalRestaurantStateException extends RuntimeException {

	IllegalRestaurantStateException(String message) {
		super(message);
	}
}
