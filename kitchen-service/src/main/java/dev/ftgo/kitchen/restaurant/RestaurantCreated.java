package dev.ftgo.kitchen.restaurant;

/** A new restaurant, open, with its first menu. */
public record RestaurantCreated(RestaurantSnapshot restaurant) implements RestaurantEvent {
}
