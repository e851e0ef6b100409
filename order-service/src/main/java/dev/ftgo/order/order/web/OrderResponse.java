package dev.ftgo.order.order.web;

import java.time.Instant;
import java.util.List;

import dev.ftgo.order.order.Order;
import dev.ftgo.order.wire.MoneyJson;

import io.swagger.v3.oas.annotations.media.Schema;

/** The v1 order. {@code ticketId} and {@code rejectionReason} are present as {@code null} until they apply. */
record OrderResponse(String orderId, String consumerId, String restaurantId, String state,
		List<LineItem> lineItems, MoneyJson orderTotal, String deliveryAddress, String ticketId,
		String rejectionReason, Instant createdAt, Long version) {

	@Schema(name = "OrderLineItem")
	record LineItem(String menuItemId, String name, int quantity, MoneyJson price) {
	}

	static OrderResponse of(Order order) {
		var lines = order.lineItems().stream()
				.map(line -> new LineItem(line.menuItemId().value(), line.name(), line.quantity().value(),
						MoneyJson.of(line.price())))
				.toList();
		return new OrderResponse(order.id().toString(), order.consumerId().toString(),
				order.restaurantId().toString(), order.state().name(), lines, MoneyJson.of(order.orderTotal()),
				order.deliveryAddress(), order.ticketId() == null ? null : order.ticketId().toString(),
				order.rejectionReason(), order.createdAt(), order.version());
	}
}
