package dev.ftgo.kitchen.restaurant;

/** The restaurant takes orders again. */
public record RestaurantOpened(RestaurantSnapshot restaurant) implements RestaurantEvent {
}
