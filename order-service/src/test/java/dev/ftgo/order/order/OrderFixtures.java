package dev.ftgo.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.test.util.ReflectionTestUtils;

import dev.ftgo.order.order.OrderRefusedException.Reason;

/**
 * Orders and the domain's exceptions as the application service hands them out, for tests outside this
 * package (the web slice tests mock the application service).
 */
public final class OrderFixtures {

	public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private OrderFixtures() {
	}

	/**
	 * A stored order awaiting approval (version 0): two curries at 12.50 USD and three naans at 2.25 USD,
	 * 31.75 USD in all, to 1 Main St.
	 */
	public static Order order(ConsumerId consumerId, RestaurantId restaurantId) {
		var order = Order.place(consumerId, restaurantId,
				List.of(line("m1", "Curry", 2, "12.50"), line("m2", "Naan", 3, "2.25")), "1 Main St", NOW);
		order.releaseMessages();
		ReflectionTestUtils.setField(order, "version", 0L);
		return order;
	}

	public static Order order() {
		return order(new ConsumerId(UUID.randomUUID()), new RestaurantId(UUID.randomUUID()));
	}

	/** {@link #order()}, approved by the kitchen with ticket {@code ticketId}. */
	public static Order approved(TicketId ticketId) {
		var order = order();
		order.approve(ticketId);
		order.releaseMessages();
		return order;
	}

	/** {@link #approved}, and the consumer asked to cancel it. */
	public static Order cancelPending() {
		var order = approved(new TicketId(UUID.randomUUID()));
		order.requestCancellation();
		order.releaseMessages();
		return order;
	}

	private static OrderLineItem line(String id, String name, int quantity, String price) {
		return new OrderLineItem(new MenuItemId(id), name, new Quantity(quantity), Money.of(price, "USD"));
	}

	public static OrderNotFoundException notFound(OrderId id) {
		return new OrderNotFoundException(id);
	}

	public static OrderRefusedException refused(Reason reason, String message, String fieldOrNull) {
		return new OrderRefusedException(reason, message, fieldOrNull);
	}

	public static IdempotencyKeyReusedException keyReused(IdempotencyKey key) {
		return new IdempotencyKeyReusedException(key);
	}

	public static IllegalOrderStateException illegalTransition(String message) {
		return new IllegalOrderStateException(message);
	}
}
