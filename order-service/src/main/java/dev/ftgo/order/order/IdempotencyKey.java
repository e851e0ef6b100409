package dev.ftgo.order.order;

/**
 * A client-chosen key that makes a retried {@code POST /orders} return the first order instead of
 * placing another: 1 to 128 printable ASCII characters. It is the ordering consumer's own: the same key
 * from two consumers names two orders.
 */
public record IdempotencyKey(String value) {

	public static final int MAX_LENGTH = 128;

	public IdempotencyKey {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
				|| !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
			throw new IllegalArgumentException(
					"Idempotency-Key must be 1 to " + MAX_LENGTH + " printable ASCII characters");
		}
	}

	@Override
	public String toString() {
		return value;
	}
}
