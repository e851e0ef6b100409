package dev.ftgo.kitchen.restaurant.web;

import java.util.List;

import dev.ftgo.kitchen.restaurant.Restaurant;

record RestaurantResponse(String restaurantId, String name, boolean open, List<MenuItemJson> menu) {

	static RestaurantResponse of(Restaurant restaurant) {
		return new RestaurantResponse(restaurant.id().toString(), restaurant.name(), restaurant.isOpen(),
				restaurant.menu().items().stream().map(MenuItemJson::of).toList());
	}
}
