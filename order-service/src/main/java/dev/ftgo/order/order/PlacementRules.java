package dev.ftgo.order.order;

import java.util.Optional;

import dev.ftgo.order.order.OrderRefusedException.Reason;
import dev.ftgo.order.order.Restaurant.MenuItem;

/**
 * The business rules an order must meet to be placed, each named, all of them here. {@link OrderService#place}
 * applies them as it learns what they need: the requested lines first, the restaurant once found, each line as
 * it is priced, the total last. The first broken rule refuses the order with its {@link Reason} and the request
 * field at fault. Whether the consumer may pay is consumer-service's rule, asked through {@link ConsumerCheck}.
 */
final class PlacementRules {

	/** A rule about one thing: empty when it holds, else the refusal. */
	@FunctionalInterface
	interface Rule<T> {
		Optional<OrderRefusedException> brokenBy(T subject);

		/** @throws OrderRefusedException when {@code subject} breaks this rule */
		default void enforce(T subject) {
			Optional<OrderRefusedException> refusal = brokenBy(subject);
			if (refusal.isPresent()) {
				throw refusal.get();
			}
		}
	}

	/** Line {@code index} of the request, and the restaurant's menu item it names once found. */
	record OrderedItem(int index, PlaceOrder.Line line, MenuItem item, Money firstPrice) {

		String field() {
			return "lineItems[" + index + "].menuItemId";
		}
	}

	/** Every line orders between {@link Quantity#MIN} and {@link Quantity#MAX} of its item. */
	static final Rule<PlaceOrder> QUANTITIES_WITHIN_LIMITS = command -> {
		var lines = command.lineItems();
		for (int i = 0; i < lines.size(); i++) {
			int quantity = lines.get(i).quantity();
			if (!Quantity.isAllowed(quantity)) {
				return refuse(Reason.INVALID_QUANTITY, "Quantity must be between " + Quantity.MIN + " and " + Quantity.MAX
						+ ", was " + quantity, "lineItems[" + i + "].quantity");
			}
		}
		return Optional.empty();
	};

	/** A closed restaurant takes no orders. */
	static final Rule<Restaurant> RESTAURANT_OPEN = restaurant -> restaurant.open() ? Optional.empty()
			: refuse(Reason.RESTAURANT_CLOSED, "Restaurant " + restaurant.id() + " is closed", "restaurantId");

	/** One order, one currency: the consumer is charged one amount. */
	static final Rule<OrderedItem> SAME_CURRENCY = ordered -> ordered.firstPrice() == null
			|| ordered.firstPrice().hasSameCurrencyAs(ordered.item().price()) ? Optional.empty()
			: refuse(Reason.MIXED_CURRENCIES, "The ordered menu items are priced in different currencies", null);

	/**
	 * A price finer than its currency's minor unit (12.50 JPY) cannot be paid, and version 2 of the API could not show
	 * the order without rounding.
	 */
	static final Rule<OrderedItem> PRICE_REPRESENTABLE = ordered -> {
		Money price = ordered.item().price();
		return price.inMinorUnits().isPresent() ? Optional.empty()
				: refuse(Reason.PRICE_NOT_REPRESENTABLE, "Menu item '" + ordered.line().menuItemId() + "' is priced at "
						+ price + ", which cannot be represented in whole minor units of "
						+ price.currency().getCurrencyCode() + " (" + price.minorUnitDigits()
						+ " decimals); the order cannot be priced", ordered.field());
	};

	/** The total fits the API's amounts in minor units. */
	static final Rule<Money> TOTAL_REPRESENTABLE = total -> total.inMinorUnits().isPresent() ? Optional.empty()
			: refuse(Reason.PRICE_NOT_REPRESENTABLE, "The order total " + total + " is too large to be represented", null);

	private PlacementRules() {
	}

	static OrderRefusedException unknownRestaurant(RestaurantId id) {
		return new OrderRefusedException(Reason.UNKNOWN_RESTAURANT, "Restaurant " + id + " does not exist", "restaurantId");
	}

	static OrderRefusedException unknownMenuItem(Restaurant restaurant, int index, PlaceOrder.Line line) {
		return new OrderRefusedException(Reason.UNKNOWN_MENU_ITEM, "Restaurant " + restaurant.id() + " has no menu item '"
				+ line.menuItemId() + "'", "lineItems[" + index + "].menuItemId");
	}

	private static Optional<OrderRefusedException> refuse(Reason reason, String detail, String field) {
		return Optional.of(new OrderRefusedException(reason, detail, field));
	}
}
