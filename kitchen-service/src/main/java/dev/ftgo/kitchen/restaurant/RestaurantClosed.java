package dev.ftgo.kitchen.restaurant;

/** The restaurant takes no more orders. */
public record RestaurantClosed(RestaurantSnapshot restaurant) implements RestaurantEvent {
}
