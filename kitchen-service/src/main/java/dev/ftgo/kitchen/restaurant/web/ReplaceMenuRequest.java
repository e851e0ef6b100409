package dev.ftgo.kitchen.restaurant.web;

import java.util.List;

import dev.ftgo.kitchen.restaurant.Menu;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ReplaceMenuRequest(
		@NotNull @Size(min = 1, max = Menu.MAX_ITEMS) @ConsistentMenu List<@NotNull @Valid MenuItemJson> menu) {
}
