package dev.ftgo.kitchen.restaurant;

/** The restaurant's menu was replaced as a whole. */
public record RestaurantMenuRevised(RestaurantSnapshot restaurant) implements RestaurantEvent {
}
