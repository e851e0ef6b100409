package dev.ftgo.kitchen.restaurant;

/**
 * A change of a restaurant that other services follow ({@code restaurant.events}, keyed by restaurant id).
 * The record's name is the message type; each carries the restaurant as it is after the change.
 */
public sealed interface RestaurantEvent permits RestaurantCreated, RestaurantMenuRevised, RestaurantClosed, RestaurantOpened {

	RestaurantSnapshot restaurant();
}
