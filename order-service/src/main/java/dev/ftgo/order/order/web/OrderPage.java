package dev.ftgo.order.order.web;

import java.util.List;

import org.springframework.data.domain.Page;

import dev.ftgo.order.order.Order;

/** One page of a listing, with exactly the paging fields the API promises (not Spring's {@code Page} JSON). */
record OrderPage(List<OrderResponse> content, int page, int size, long totalElements, int totalPages) {

	static OrderPage of(Page<Order> orders) {
		return new OrderPage(orders.getContent().stream().map(OrderResponse::of).toList(), orders.getNumber(),
				orders.getSize(), orders.getTotalElements(), orders.getTotalPages());
	}
}
