package dev.ftgo.kitchen.restaurant.web;

import java.util.List;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.web.MoneyJson;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record MenuItemJson(
		@NotBlank @Size(max = MenuItem.MAX_ID_LENGTH) String menuItemId,
		@NotBlank @Size(max = MenuItem.MAX_NAME_LENGTH) String name,
		@NotNull @Valid @PositivePrice MoneyJson price) {

	static MenuItemJson of(MenuItem item) {
		return new MenuItemJson(item.menuItemId(), item.name(), MoneyJson.of(item.price()));
	}

	static Menu toMenu(List<MenuItemJson> items) {
		return new Menu(items.stream().map(MenuItemJson::toMenuItem).toList());
	}

	MenuItem toMenuItem() {
		return new MenuItem(menuItemId, name, price.toMoney());
	}
}
