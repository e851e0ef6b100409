package dev.ftgo.kitchen.ticket;

public enum TicketState {
	AWAITING_ACCEPTANCE, ACCEPTED, PREPARING, READY_FOR_PICKUP, PICKED_UP, CANCELLED
}
