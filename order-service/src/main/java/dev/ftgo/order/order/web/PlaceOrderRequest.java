package dev.ftgo.order.order.web;

import java.util.List;
import java.util.UUID;

import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.order.order.RestaurantId;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code deliveryAddress} is optional. Quantities are checked by the domain, not here: an
 * out-of-range quantity is a refused order (422), not a malformed request.
 */
record PlaceOrderRequest(
		@NotNull UUID consumerId,
		@NotNull UUID restaurantId,
		@NotEmpty @Size(max = MAX_LINE_ITEMS) List<@NotNull @Valid LineItem> lineItems,
		@Size(max = MAX_ADDRESS_LENGTH) String deliveryAddress) {

	static final int MAX_LINE_ITEMS = 100;
	static final int MAX_ADDRESS_LENGTH = 500;

	@Schema(name = "PlaceOrderLineItem")
	record LineItem(@NotBlank @Size(max = MenuItemId.MAX_LENGTH) String menuItemId, @NotNull Integer quantity) {
	}

	PlaceOrder toCommand() {
		return command(consumerId, restaurantId, lineItems, deliveryAddress);
	}

	/** The command of a valid request, in any API version: they differ in names, not in meaning. */
	static PlaceOrder command(UUID consumerId, UUID restaurantId, List<LineItem> lines, String deliveryAddress) {
		var commandLines = lines.stream()
				.map(line -> new PlaceOrder.Line(new MenuItemId(line.menuItemId()), line.quantity()))
				.toList();
		return new PlaceOrder(new ConsumerId(consumerId), new RestaurantId(restaurantId), commandLines,
				deliveryAddress == null || deliveryAddress.isBlank() ? null : deliveryAddress.strip());
	}
}
