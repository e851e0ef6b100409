package dev.ftgo.order.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The request to place an order. Quantities are kept as given: checking their range is a business
 * rule ({@link Quantity}) whose failure is a refusal, not malformed input.
 */
public record PlaceOrder(ConsumerId consumerId, RestaurantId restaurantId, List<Line> lineItems,
		String deliveryAddress) {

	public PlaceOrder {
		Objects.requireNonNull(consumerId, "consumerId");
		Objects.requireNonNull(restaurantId, "restaurantId");
		lineItems = List.copyOf(lineItems);
	}

	public record Line(MenuItemId menuItemId, int quantity) {

		public Line {
			Objects.requireNonNull(menuItemId, "menuItemId");
		}
	}

	/**
	 * SHA-256 (hex) of the request's meaning, independent of JSON formatting and field order: two
	 * requests under one idempotency key are "the same" exactly when their fingerprints are equal.
	 */
	public String fingerprint() {
		var canonical = new StringBuilder();
		append(canonical, consumerId.toString());
		append(canonical, restaurantId.toString());
		for (var line : lineItems) {
			append(canonical, line.menuItemId().value());
			append(canonical, Integer.toString(line.quantity()));
		}
		append(canonical, deliveryAddress == null ? "\u0000" : deliveryAddress);
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every JVM has SHA-256", impossible);
		}
	}

	// length-prefixed, so no value can imitate a separator
	private static void append(StringBuilder canonical, String value) {
		canonical.append(value.length()).append(':').append(value).append(';');
	}
}
