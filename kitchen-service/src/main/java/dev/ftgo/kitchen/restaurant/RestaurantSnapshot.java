package dev.ftgo.kitchen.restaurant;

import java.util.List;
import java.util.UUID;

/**
 * A restaurant as other services see it. Every {@link RestaurantEvent} carries one whole, so a replica
 * needs no earlier message to be right: it keeps the snapshot with the highest {@code version}. Shaped
 * like its JSON on {@code restaurant.events}.
 *
 * @param version the restaurant's version after the change; it grows with every change
 */
public record RestaurantSnapshot(UUID restaurantId, String name, boolean open, List<Item> menu, long version) {

	public RestaurantSnapshot {
		menu = List.copyOf(menu);
	}

	public record Item(String menuItemId, String name, Price price) {
	}

	/** {@code {"amount": "12.50", "currency": "USD"}}: a decimal string, never a binary floating-point number. */
	public record Price(String amount, String currency) {

		static Price of(Money money) {
			return new Price(money.amount().toPlainString(), money.currency().getCurrencyCode());
		}
	}

	/** The restaurant as it is now; it must have been flushed, so that its version is the one it commits with. */
	static RestaurantSnapshot of(Restaurant restaurant) {
		if (restaurant.version() == null) {
			throw new IllegalStateException("Restaurant " + restaurant.id() + " has no version until it is flushed");
		}
		return new RestaurantSnapshot(restaurant.id().value(), restaurant.name(), restaurant.isOpen(),
				restaurant.menu().items().stream()
						.map(item -> new Item(item.menuItemId(), item.name(), Price.of(item.price())))
						.toList(),
				restaurant.version());
	}
}
