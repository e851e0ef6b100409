package dev.ftgo.kitchen.restaurant;

public class RestaurantNotFoundException extends RuntimeException {

	RestaurantNotFoundException(RestaurantId id) {
		super("No restaurant with id " + id);
	}
}
