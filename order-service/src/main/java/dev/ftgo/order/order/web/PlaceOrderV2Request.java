package dev.ftgo.order.order.web;

import static dev.ftgo.order.order.web.PlaceOrderRequest.MAX_ADDRESS_LENGTH;
import static dev.ftgo.order.order.web.PlaceOrderRequest.MAX_LINE_ITEMS;

import java.util.List;
import java.util.UUID;

import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.order.order.web.PlaceOrderRequest.LineItem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@link PlaceOrderRequest} of v2: the lines are called {@code items}; the rules are the same. */
record PlaceOrderV2Request(
		@NotNull UUID consumerId,
		@NotNull UUID restaurantId,
		@NotEmpty @Size(max = MAX_LINE_ITEMS) List<@NotNull @Valid LineItem> items,
		@Size(max = MAX_ADDRESS_LENGTH) String deliveryAddress) {

	PlaceOrder toCommand() {
		return PlaceOrderRequest.command(consumerId, restaurantId, items, deliveryAddress);
	}
}
