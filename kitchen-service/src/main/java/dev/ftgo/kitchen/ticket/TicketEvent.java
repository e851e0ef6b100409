package dev.ftgo.kitchen.ticket;

import java.util.UUID;

/**
 * A ticket transition that order-service follows ({@code ticket.events}, keyed by ticket id). The
 * record's name is the message type; its components are the JSON payload.
 */
public sealed interface TicketEvent
		permits TicketAccepted, TicketPreparationStarted, TicketReadyForPickup, TicketPickedUp, TicketCancelled {

	UUID ticketId();

	UUID orderId();
}
