package dev.ftgo.kitchen.ticket;

/** A line of the order as order-service sends it: which menu item, how many. */
public record OrderedItem(String menuItemId, int quantity) {

	public OrderedItem {
		if (menuItemId == null || menuItemId.isBlank()) {
			throw new IllegalArgumentException("menuItemId must not be blank");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
		}
	}
}
