package dev.ftgo.order.order;

/** The outcome of placing an order: {@code replayed} when an idempotency key returned an earlier order. */
public record PlacedOrder(Order order, boolean replayed) {
}
