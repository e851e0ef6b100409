package dev.ftgo.order.order;

public class OrderNotFoundException extends RuntimeException {

	OrderNotFoundException(OrderId id) {
		super("No order with id " + id);
	}
}
