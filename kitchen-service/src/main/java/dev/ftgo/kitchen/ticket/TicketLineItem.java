package dev.ftgo.kitchen.ticket;

import jakarta.persistence.Embeddable;

/**
 * What the kitchen prepares: the menu item's id and its name as it was on the menu when the ticket was
 * created, so a later menu change does not rename a dish on a ticket in progress.
 */
@Embeddable
public record TicketLineItem(String menuItemId, String name, int quantity) {

	public TicketLineItem {
		if (menuItemId == null || menuItemId.isBlank()) {
			throw new IllegalArgumentException("menuItemId must not be blank");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name must not be blank");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
		}
	}
}
