package dev.ftgo.kitchen.restaurant;

import java.util.Objects;

import jakarta.persistence.Embeddable;

/**
 * One dish on a menu. {@code menuItemId} is the restaurant's own code for it (what orders refer to),
 * unique within one menu; a price must be positive because a menu item cannot be free.
 */
@Embeddable
public record MenuItem(String menuItemId, String name, Money price) {

	public static final int MAX_ID_LENGTH = 64;
	public static final int MAX_NAME_LENGTH = 200;

	public MenuItem {
		if (menuItemId == null || menuItemId.isBlank() || menuItemId.length() > MAX_ID_LENGTH) {
			throw new IllegalArgumentException("menuItemId must be non-blank and at most " + MAX_ID_LENGTH + " characters");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name of menu item " + menuItemId + " must not be blank");
		}
		name = name.strip();
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name of menu item " + menuItemId + " must be at most " + MAX_NAME_LENGTH
					+ " characters");
		}
		Objects.requireNonNull(price, "price");
		if (!price.isPositive()) {
			throw new IllegalArgumentException("price of menu item " + menuItemId + " must be greater than 0.00");
		}
	}
}
