package dev.ftgo.order.order;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What order placement needs to know about a restaurant: whether it is open and what its menu costs. */
public record Restaurant(RestaurantId id, String name, boolean open, List<MenuItem> menu) {

	public Restaurant {
		Objects.requireNonNull(id, "id");
		menu = List.copyOf(menu);
	}

	public Optional<MenuItem> menuItem(MenuItemId menuItemId) {
		return menu.stream().filter(item -> item.id().equals(menuItemId)).findFirst();
	}

	public record MenuItem(MenuItemId id, String name, Money price) {

		public MenuItem {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(price, "price");
			if (name == null || name.isBlank() || name.length() > OrderLineItem.MAX_NAME_LENGTH) {
				throw new IllegalArgumentException(
						"menu item name must be 1 to " + OrderLineItem.MAX_NAME_LENGTH + " characters");
			}
		}
	}
}
