package dev.ftgo.testsupport;

import java.util.UUID;

/**
 * The kinds of caller the access tests ask each endpoint as, seen from one restaurant and one consumer: the
 * columns of the roles table in docs/security.md. {@code OWN_KITCHEN} works at that restaurant, {@code OWN_CONSUMER}
 * is that consumer; the last four must all be refused with 401.
 */
public enum Caller {

	ADMIN, OWN_KITCHEN, OTHER_KITCHEN, OWN_CONSUMER, OTHER_CONSUMER, NO_TOKEN, EXPIRED, OTHER_KEY, OTHER_ISSUER;

	/**
	 * The {@code Authorization} header this caller sends, {@code null} for none; the ids are {@link UUID}s or their
	 * strings, and only the one this caller is relative to is read.
	 */
	public String authorization(Object restaurantId, Object consumerId) {
		var token = switch (this) {
			case ADMIN -> TestTokens.admin();
			case OWN_KITCHEN -> TestTokens.kitchen(restaurantId);
			case OTHER_KITCHEN -> TestTokens.kitchen(UUID.randomUUID());
			case OWN_CONSUMER -> TestTokens.consumer(consumerId);
			case OTHER_CONSUMER -> TestTokens.consumer(UUID.randomUUID());
			case NO_TOKEN -> null;
			case EXPIRED -> TestTokens.expired();
			case OTHER_KEY -> TestTokens.signedByAnotherKey();
			case OTHER_ISSUER -> TestTokens.fromAnotherIssuer();
		};
		return token == null ? null : "Bearer " + token;
	}

	/** A client of the same server as {@code anonymous} that calls as this caller. */
	public ApiClient client(ApiClient anonymous, Object restaurantId, Object consumerId) {
		return anonymous.withAuthorization(authorization(restaurantId, consumerId));
	}
}
