package dev.ftgo.order.order.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

import dev.ftgo.order.order.Order;

/**
 * One page of a listing, with exactly the paging fields the API promises (not Spring's {@code Page} JSON); the
 * same in every API version, holding that version's orders.
 */
record OrderPage<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	static <T> OrderPage<T> of(Page<Order> orders, Function<Order, T> representation) {
		return new OrderPage<>(orders.getContent().stream().map(representation).toList(), orders.getNumber(),
				orders.getSize(), orders.getTotalElements(), orders.getTotalPages());
	}
}
