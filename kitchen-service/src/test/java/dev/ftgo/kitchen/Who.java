package dev.ftgo.kitchen;

import java.util.UUID;

import dev.ftgo.testsupport.TestTokens;

/**
 * The callers of the roles table, seen from one restaurant and one consumer's order: what the security matrix
 * tests ask each endpoint as.
 */
public enum Who {

	ADMIN, OWN_KITCHEN, OTHER_KITCHEN, OWN_CONSUMER, OTHER_CONSUMER, NO_TOKEN, EXPIRED, OTHER_KEY;

	/** The {@code Authorization} header this caller sends, {@code null} for none. */
	public String authorization(UUID restaurantId, UUID consumerId) {
		var token = switch (this) {
			case ADMIN -> TestTokens.admin();
			case OWN_KITCHEN -> TestTokens.kitchen(restaurantId);
			case OTHER_KITCHEN -> TestTokens.kitchen(UUID.randomUUID());
			case OWN_CONSUMER -> TestTokens.consumer(consumerId);
			case OTHER_CONSUMER -> TestTokens.consumer(UUID.randomUUID());
			case NO_TOKEN -> null;
			case EXPIRED -> TestTokens.expired();
			case OTHER_KEY -> TestTokens.signedByAnotherKey();
		};
		return token == null ? null : "Bearer " + token;
	}
}
