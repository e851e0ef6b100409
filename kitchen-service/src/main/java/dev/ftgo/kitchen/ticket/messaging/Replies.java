package dev.ftgo.kitchen.ticket.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.messaging.ReceivedMessage;

/**
 * Answers order-service's requests through the outbox, in the handler's transaction: on the topic the
 * request named in {@code replyTo}, keyed by order id, with {@code correlationId} = the request's id.
 */
@Component
class Replies {

	static final MessageHeaders SCHEMA_VERSION_1 = MessageHeaders.NONE.withSchemaVersion("1");

	/** Where order-service expects the kitchen's answers when a request does not say (docs/messaging.md). */
	static final String DEFAULT_REPLY_TOPIC = "order.replies";

	private final OutboxWriter outbox;

	Replies(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	/** Sends {@code reply}, whose record name is the message type. */
	void send(ReceivedMessage request, UUID orderId, Object reply) {
		var replyTo = request.headers().replyTo();
		var topic = replyTo == null || replyTo.isBlank() ? DEFAULT_REPLY_TOPIC : replyTo;
		// no traceparent here: the outbox stamps the handler's span, which continues the request's trace, so the
		// reply joins the trace of the order it answers as a child of the work it reports
		var headers = SCHEMA_VERSION_1.withCorrelationId(request.id().toString());
		outbox.send(Message.of(topic, orderId.toString(), reply.getClass().getSimpleName(), reply).withHeaders(headers));
	}
}
