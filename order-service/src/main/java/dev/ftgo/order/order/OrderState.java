package dev.ftgo.order.order;

/**
 * The life cycle of an order. {@link Order} owns the transitions; see its named methods for which
 * state may follow which.
 */
public enum OrderState {
	APPROVAL_PENDING, APPROVED, REJECTED, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP, CANCEL_PENDING, CANCELLED
}
