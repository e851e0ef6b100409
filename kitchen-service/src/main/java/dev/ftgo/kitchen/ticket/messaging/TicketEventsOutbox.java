package dev.ftgo.kitchen.ticket.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.kitchen.ticket.TicketEvent;
import dev.ftgo.kitchen.ticket.TicketEvents;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.OutboxWriter;

/**
 * Sends ticket events on {@code ticket.events} through the outbox, in the transition's transaction. The
 * key is the ticket id, so one ticket's transitions arrive in order; the type is the event record's name.
 */
@Component
class TicketEventsOutbox implements TicketEvents {

	static final String TOPIC = "ticket.events";

	private final OutboxWriter outbox;

	TicketEventsOutbox(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	@Override
	public void publish(TicketEvent event) {
		outbox.send(Message.of(TOPIC, event.ticketId().toString(), event.getClass().getSimpleName(), event)
				.withHeaders(Replies.SCHEMA_VERSION_1));
	}
}
