package dev.ftgo.consumer.consumer;

/**
 * The consumer's answer to "may I place an order of this total?". A refusal is an answer, not an
 * error: order-service turns it into a 422 for its caller.
 */
public record OrderValidation(boolean approved, String reason) {

	static OrderValidation approve() {
		return new OrderValidation(true, null);
	}

	static OrderValidation refuse(String reason) {
		return new OrderValidation(false, reason);
	}
}
