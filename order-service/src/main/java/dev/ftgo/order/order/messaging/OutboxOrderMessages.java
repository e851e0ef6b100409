package dev.ftgo.order.order.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.order.order.OrderMessage;
import dev.ftgo.order.order.OrderMessages;

/** Sends order messages through the outbox of the caller's transaction; cdc-relay publishes them. */
@Component
class OutboxOrderMessages implements OrderMessages {

	private final OutboxWriter outbox;

	OutboxOrderMessages(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	@Override
	public void send(List<OrderMessage> messages) {
		messages.stream().map(OrderMessageMapping::toMessage).forEach(outbox::send);
	}
}
