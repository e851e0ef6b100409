package dev.ftgo.kitchen.restaurant.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.kitchen.restaurant.RestaurantEvent;
import dev.ftgo.kitchen.restaurant.RestaurantEvents;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.messaging.OutboxWriter;

/**
 * Sends restaurant events on {@code restaurant.events} through the outbox, in the caller's transaction.
 * The key is the restaurant id, so one restaurant's snapshots arrive in order; the type is the event
 * record's name; the payload is the snapshot itself.
 */
@Component
class RestaurantEventsOutbox implements RestaurantEvents {

	static final String TOPIC = "restaurant.events";
	private static final MessageHeaders HEADERS = MessageHeaders.NONE.withSchemaVersion("1");

	private final OutboxWriter outbox;

	RestaurantEventsOutbox(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(RestaurantEvent event) {
		var snapshot = event.restaurant();
		outbox.send(Message.of(TOPIC, snapshot.restaurantId().toString(), event.getClass().getSimpleName(), snapshot)
				.withHeaders(HEADERS));
	}
}
