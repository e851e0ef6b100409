package dev.ftgo.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tolerant reader for message payloads: a newer producer may add fields and an older one may leave
 * optional fields out, and neither must break a consumer. Every {@link MessageSubscription} reads payloads
 * with it, and so does {@link ConsumerContract}.
 */
final class TolerantJson {

	private TolerantJson() {
	}

	static JsonMapper reader(JsonMapper base) {
		return base.rebuild()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
				// a missing or null number becomes 0 rather than a failure; records get null for missing objects
				.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
				.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
				.build();
	}
}
