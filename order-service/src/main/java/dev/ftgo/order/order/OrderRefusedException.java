package dev.ftgo.order.order;

/**
 * A well-formed order this service will not accept: it refers to something that does not exist or
 * breaks a business rule. Callers see it as 422; {@link #reason()} tells a program what went wrong,
 * {@link #field()} (when not {@code null}) which part of the request.
 */
public class OrderRefusedException extends RuntimeException {

	public enum Reason {
		UNKNOWN_RESTAURANT, RESTAURANT_CLOSED, UNKNOWN_MENU_ITEM, INVALID_QUANTITY, MIXED_CURRENCIES,
		UNKNOWN_CONSUMER, CONSUMER_REFUSED,
		/** A menu price finer than its currency's minor unit (12.50 JPY): no amount of that currency can pay it. */
		PRICE_NOT_REPRESENTABLE
	}

	private final Reason reason;
	private final String field;

	OrderRefusedException(Reason reason, String message) {
		this(reason, message, null);
	}

	OrderRefusedException(Reason reason, String message, String field) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	public Reason reason() {
		return reason;
	}

	public String field() {
		return field;
	}
}
