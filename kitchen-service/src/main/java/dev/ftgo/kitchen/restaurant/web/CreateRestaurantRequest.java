package dev.ftgo.kitchen.restaurant.web;

import java.util.List;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.Restaurant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record CreateRestaurantRequest(
		@NotBlank @Size(max = Restaurant.MAX_NAME_LENGTH) String name,
		@NotNull @Size(min = 1, max = Menu.MAX_ITEMS) @ConsistentMenu List<@NotNull @Valid MenuItemJson> menu) {
}
