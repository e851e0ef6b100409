package dev.ftgo.order.order.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.messaging.MessageSubscription;
import dev.ftgo.order.order.KitchenReply;
import dev.ftgo.order.order.OrderLifecycle;
import dev.ftgo.order.order.TicketEvent;

/**
 * What the order lifecycle hears from the kitchen. {@code TicketCancelled} on ticket.events is skipped: the
 * kitchen's reply on order.replies is what confirms a cancellation. A type the kitchen adds later is recorded and
 * ignored by the subscription.
 */
@Configuration(proxyBeanMethods = false)
class KitchenSubscriptions {

	@Bean
	MessageSubscription orderReplies(OrderLifecycle lifecycle) {
		return MessageSubscription.to(Topics.ORDER_REPLIES)
			.on("TicketCreated", KitchenReply.TicketCreated.class, (reply, message) -> lifecycle.onTicketCreated(reply))
			.on("CreateTicketRefused", KitchenReply.CreateTicketRefused.class,
					(reply, message) -> lifecycle.onCreateTicketRefused(reply))
			.on("TicketCancelled", KitchenReply.TicketCancelled.class,
					(reply, message) -> lifecycle.onTicketCancelled(reply))
			.on("TicketCancellationRefused", KitchenReply.TicketCancellationRefused.class,
					(reply, message) -> lifecycle.onTicketCancellationRefused(reply));
	}

	@Bean
	MessageSubscription ticketEvents(OrderLifecycle lifecycle) {
		return MessageSubscription.to(Topics.TICKET_EVENTS)
			.on("TicketAccepted", TicketEvent.class, (event, message) -> lifecycle.onTicketAccepted(event))
			.on("TicketPreparationStarted", TicketEvent.class,
					(event, message) -> lifecycle.onTicketPreparationStarted(event))
			.on("TicketReadyForPickup", TicketEvent.class, (event, message) -> lifecycle.onTicketReadyForPickup(event))
			.on("TicketPickedUp", TicketEvent.class, (event, message) -> lifecycle.onTicketPickedUp(event))
			.skipping("TicketCancelled");
	}
}
