package dev.ftgo.order.order;

/** How many of one menu item an order line asks for: at least one, and not a catering order. */
public record Quantity(int value) {

	public static final int MIN = 1;
	public static final int MAX = 1000;

	public Quantity {
		if (!isAllowed(value)) {
			throw new IllegalArgumentException("quantity must be between " + MIN + " and " + MAX + ": " + value);
		}
	}

	public static boolean isAllowed(int value) {
		return value >= MIN && value <= MAX;
	}
}
