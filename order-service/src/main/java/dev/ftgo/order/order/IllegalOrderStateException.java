package dev.ftgo.order.order;

/** A transition the order's current state does not allow, such as cancelling an order still awaiting approval. */
public class IllegalOrderStateException extends RuntimeException {

	IllegalOrderStateException(String message) {
		super(message);
	}
}
