package dev.ftgo.kitchen.ticket.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.kitchen.ticket.CreateTicket;
import dev.ftgo.kitchen.ticket.OrderCancellationRequested;
import dev.ftgo.messaging.MessageSubscription;

/**
 * The topics kitchen-service consumes. Of {@code order.events} it needs only {@code OrderCancellationRequested}; the
 * other events of every order are passed over without a transaction each. A type order-service adds later is
 * recorded and logged by the messaging library until it is handled or skipped here.
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
				.on("OrderCancellationRequested", OrderCancellationRequested.class, handlers::onOrderCancellationRequested)
				.skipping("OrderCreated", "OrderApproved", "OrderRejected", "OrderCancelled", "OrderCancellationRejected");
	}
}
