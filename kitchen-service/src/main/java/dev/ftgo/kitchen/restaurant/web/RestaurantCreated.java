package dev.ftgo.kitchen.restaurant.web;

record RestaurantCreated(String restaurantId) {
}
