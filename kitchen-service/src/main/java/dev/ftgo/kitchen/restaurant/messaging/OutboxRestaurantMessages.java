package dev.ftgo.kitchen.restaurant.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.kitchen.restaurant.RestaurantEvent;
import dev.ftgo.kitchen.restaurant.RestaurantMessages;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.messaging.OutboxAdapter;
import dev.ftgo.messaging.OutboxWriter;

/**
 * Sends restaurant events on {@code restaurant.events} through the outbox of the caller's transaction;
 * cdc-relay publishes them. The key is the restaurant id, so one restaurant's snapshots arrive in order; the
 * type is the event record's name; the payload is the snapshot itself.
 */
@Component
class OutboxRestaurantMessages extends OutboxAdapter<RestaurantEvent> implements RestaurantMessages {

	static final String TOPIC = "restaurant.events";
	private static final MessageHeaders HEADERS = MessageHeaders.NONE.withSchemaVersion("1");

	OutboxRestaurantMessages(OutboxWriter outbox) {
		super(outbox);
	}

	@Override
	protected Message toMessage(RestaurantEvent event) {
		var snapshot = event.restaurant();
		return Message.of(TOPIC, snapshot.restaurantId().toString(), event.getClass().getSimpleName(), snapshot)
				.withHeaders(HEADERS);
	}
}
