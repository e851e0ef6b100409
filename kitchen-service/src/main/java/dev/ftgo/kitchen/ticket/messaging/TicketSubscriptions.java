package dev.ftgo.kitchen.ticket.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.kitchen.ticket.CreateTicket;
import dev.ftgo.kitchen.ticket.OrderCancellationRequested;
import dev.ftgo.messaging.MessageSubscription;

/**
 * The topics kitchen-service consumes. Types without a handler are recorded and skipped by the messaging
 * library: on {@code order.events} that is every event but {@code OrderCancellationRequested}.
 */
@Configuration(proxyBeanMethods = false)
class TicketSubscriptions {

	@Bean
	MessageSubscription kitchenCommands(OrderRequestHandlers handlers) {
		return MessageSubscription.to("kitchen.commands")
				.on("CreateTicket", CreateTicket.class, handlers::onCreateTicket);
	}

	@Bean
	MessageSubscription orderEvents(OrderRequestHandlers handlers) {
		return MessageSubscription.to("order.events")
				.on("OrderCancellationRequested", OrderCancellationRequested.class, handlers::onOrderCancellationRequested);
	}
}
