package dev.ftgo.order.order.web;

import java.time.Instant;
import java.util.List;

import dev.ftgo.order.order.Order;
import dev.ftgo.order.web.MinorUnitsJson;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The v2 order: {@link OrderResponse} with {@code status} for {@code state}, {@code items} for {@code lineItems} and
 * money in integer minor units. {@code ticketId} and {@code rejectionReason} are present as {@code null} until they
 * apply.
 */
record OrderV2Response(String orderId, String consumerId, String restaurantId, String status, List<Item> items,
		MinorUnitsJson orderTotal, String deliveryAddress, String ticketId, String rejectionReason, Instant createdAt,
		Long version) {

	@Schema(name = "OrderV2Item")
	record Item(String menuItemId, String name, int quantity, MinorUnitsJson price) {
	}

	static OrderV2Response of(Order order) {
		var items = order.lineItems().stream()
				.map(line -> new Item(line.menuItemId().value(), line.name(), line.quantity().value(),
						MinorUnitsJson.of(line.price())))
				.toList();
		return new OrderV2Response(order.id().toString(), order.consumerId().toString(),
				order.restaurantId().toString(), order.state().name(), items, MinorUnitsJson.of(order.orderTotal()),
				order.deliveryAddress(), order.ticketId() == null ? null : order.ticketId().toString(),
				order.rejectionReason(), order.createdAt(), order.version());
	}
}
