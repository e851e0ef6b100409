package dev.ftgo.order.order;

/** An idempotency key the consumer already used for a different request: the client mixed up its keys. */
public class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(IdempotencyKey key) {
		super("Idempotency-Key '" + key + "' was already used for a different request");
	}
}
