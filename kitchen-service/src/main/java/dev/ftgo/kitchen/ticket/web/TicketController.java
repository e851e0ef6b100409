package dev.ftgo.kitchen.ticket.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketService;
import jakarta.validation.Valid;

/**
 * Reads tickets and moves them through the kitchen. Tickets are created and cancelled by order-service's
 * commands, never over HTTP.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

	private final TicketService tickets;

	TicketController(TicketService tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/{ticketId}")
	TicketResponse get(@PathVariable UUID ticketId) {
		return TicketResponse.of(tickets.find(new TicketId(ticketId)));
	}

	/** A query answers with a list: empty when the order has no ticket (yet), never 404. */
	@GetMapping
	List<TicketResponse> findByOrder(@RequestParam UUID orderId) {
		return tickets.findForOrder(new OrderId(orderId)).stream().map(TicketResponse::of).toList();
	}

	@PostMapping("/{ticketId}/accept")
	TicketResponse accept(@PathVariable UUID ticketId, @Valid @RequestBody AcceptTicketRequest request) {
		return TicketResponse.of(tickets.accept(new TicketId(ticketId), request.readyBy()));
	}

	@PostMapping("/{ticketId}/preparing")
	TicketResponse startPreparing(@PathVariable UUID ticketId) {
		return TicketResponse.of(tickets.startPreparing(new TicketId(ticketId)));
	}

	@PostMapping("/{ticketId}/ready")
	TicketResponse markReady(@PathVariable UUID ticketId) {
		return TicketResponse.of(tickets.markReady(new TicketId(ticketId)));
	}

	@PostMapping("/{ticketId}/picked-up")
	TicketResponse pickUp(@PathVariable UUID ticketId) {
		return TicketResponse.of(tickets.pickUp(new TicketId(ticketId)));
	}
}
