package dev.ftgo.kitchen.restaurant;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a restaurant offers: at least one item, at most {@value #MAX_ITEMS}, each id once, and every
 * price in the same currency (an order total in two currencies would have no meaning).
 */
public record Menu(List<MenuItem> items) {

	public static final int MAX_ITEMS = 500;

	public Menu {
		if (items == null || items.isEmpty()) {
			throw new IllegalArgumentException("a menu needs at least one item");
		}
		if (items.size() > MAX_ITEMS) {
			throw new IllegalArgumentException("a menu has at most " + MAX_ITEMS + " items");
		}
		items = List.copyOf(items);
		var ids = new HashSet<String>();
		var first = items.get(0).price();
		for (var item : items) {
			if (!ids.add(item.menuItemId())) {
				throw new IllegalArgumentException("menu item id " + item.menuItemId() + " appears more than once");
			}
			if (!item.price().hasSameCurrencyAs(first)) {
				throw new IllegalArgumentException("all prices of a menu must be in one currency, found "
						+ first.currency() + " and " + item.price().currency());
			}
		}
	}

	public static Menu of(MenuItem... items) {
		return new Menu(List.of(items));
	}

	public Optional<MenuItem> item(String menuItemId) {
		return items.stream().filter(item -> item.menuItemId().equals(menuItemId)).findFirst();
	}

	public Currency currency() {
		return items.get(0).price().currency();
	}
}
