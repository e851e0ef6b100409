package dev.ftgo.order.order;

import java.util.Objects;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * One line of an order. Name and unit price are copied from the menu when the order is placed, so
 * later menu changes do not rewrite what the consumer agreed to pay.
 */
@Embeddable
public class OrderLineItem {

	public static final int MAX_NAME_LENGTH = 200;

	private String menuItemId;

	private String name;

	private int quantity;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "price_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "price_currency"))
	private Money price;

	protected OrderLineItem() {
		// for JPA
	}

	public OrderLineItem(MenuItemId menuItemId, String name, Quantity quantity, Money price) {
		Objects.requireNonNull(menuItemId, "menuItemId");
		Objects.requireNonNull(quantity, "quantity");
		Objects.requireNonNull(price, "price");
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters");
		}
		this.menuItemId = menuItemId.value();
		this.name = name;
		this.quantity = quantity.value();
		this.price = price;
	}

	public MenuItemId menuItemId() {
		return new MenuItemId(menuItemId);
	}

	public String name() {
		return name;
	}

	public Quantity quantity() {
		return new Quantity(quantity);
	}

	/** The unit price at the time the order was placed. */
	public Money price() {
		return price;
	}

	public Money total() {
		return price.times(quantity);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OrderLineItem line && menuItemId.equals(line.menuItemId) && name.equals(line.name)
				&& quantity == line.quantity && price.equals(line.price);
	}

	@Override
	public int hashCode() {
		return Objects.hash(menuItemId, name, quantity, price);
	}

	@Override
	public String toString() {
		return quantity + " x " + menuItemId + " (" + name + ") at " + price;
	}
}
