package dev.ftgo.kitchen.ticket.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.kitchen.ticket.TicketEvent;
import dev.ftgo.kitchen.ticket.TicketMessages;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.OutboxAdapter;
import dev.ftgo.messaging.OutboxWriter;

/**
 * Sends ticket events on {@code ticket.events} through the outbox of the caller's transaction; cdc-relay
 * publishes them. The key is the ticket id, so one ticket's transitions arrive in order; the type is the
 * event record's name.
 */
@Component
class OutboxTicketMessages extends OutboxAdapter<TicketEvent> implements TicketMessages {

	static final String TOPIC = "ticket.events";

	OutboxTicketMessages(OutboxWriter outbox) {
		super(outbox);
	}

	@Override
	protected Message toMessage(TicketEvent event) {
		return Message.of(TOPIC, event.ticketId().toString(), event.getClass().getSimpleName(), event)
				.withHeaders(Replies.SCHEMA_VERSION_1);
	}
}
