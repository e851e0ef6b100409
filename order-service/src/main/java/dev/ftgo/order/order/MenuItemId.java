package dev.ftgo.order.order;

/** The kitchen's id of a menu item, such as {@code m1}: opaque to this service, but bounded. */
public record MenuItemId(String value) {

	public static final int MAX_LENGTH = 64;

	public MenuItemId {
		if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("menu item id must be 1 to " + MAX_LENGTH + " characters");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
