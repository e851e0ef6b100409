package dev.ftgo.order.order.messaging;

import org.springframework.stereotype.Component;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.OutboxAdapter;
import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.order.order.OrderMessage;
import dev.ftgo.order.order.OrderMessages;

/** Sends order messages through the outbox of the caller's transaction; cdc-relay publishes them. */
@Component
class OutboxOrderMessages extends OutboxAdapter<OrderMessage> implements OrderMessages {

	OutboxOrderMessages(OutboxWriter outbox) {
		super(outbox);
	}

	@Override
	protected Message toMessage(OrderMessage message) {
		return OrderMessageMapping.toMessage(message);
	}
}
