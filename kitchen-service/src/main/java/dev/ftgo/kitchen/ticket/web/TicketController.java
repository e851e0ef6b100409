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
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Reads tickets and moves them through the kitchen. Tickets are created and cancelled by order-service's
 * commands, never over HTTP. Who may do what: {@link TicketAccessRules}.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets v1", description = "Tickets: the kitchen's side of an order, from acceptance to pick-up.")
class TicketController {

	private static final String READERS = "Admins, the kitchen staff of the ticket's restaurant and the consumer "
			+ "whose order it is may read it; to anyone else it does not exist (404, as for an unknown id).";
	private static final String COOKS = "Only the kitchen staff of the ticket's restaurant (403 for any other "
			+ "role; 404 for the staff of another restaurant).";

	private final TicketService tickets;

	TicketController(TicketService tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/{ticketId}")
	@Operation(operationId = "getTicket", summary = "Read a ticket", description = READERS)
	TicketResponse get(@PathVariable UUID ticketId, Caller caller) {
		return TicketResponse.of(tickets.find(new TicketId(ticketId), TicketAccessRules.toRead(caller)));
	}

	/**
	 * A query answers with a list of what the caller may see: empty when the order has no ticket (yet), and
	 * when its ticket is not the caller's. The two look alike, so a stranger learns nothing about the order.
	 */
	@GetMapping
	@Operation(operationId = "findTicketsOfOrder", summary = "Find the ticket of an order",
			description = "A list of at most one ticket; empty while the kitchen has not made one for the order, and "
					+ "when the ticket is not the caller's to see: admins, the kitchen staff of its restaurant and the "
					+ "consumer whose order it is see it.")
	List<TicketResponse> findByOrder(@RequestParam UUID orderId, Caller caller) {
		return tickets.findForOrder(new OrderId(orderId), TicketAccessRules.toRead(caller)).stream()
				.map(TicketResponse::of).toList();
	}

	@PostMapping("/{ticketId}/accept")
	@Operation(operationId = "acceptTicket", summary = "Accept a ticket, promising when it will be ready",
			description = "readyBy must lie in the future, and not too far (422 otherwise). " + COOKS)
	TicketResponse accept(@PathVariable UUID ticketId, @Valid @RequestBody AcceptTicketRequest request,
			Caller caller) {
		return TicketResponse.of(tickets.accept(new TicketId(ticketId), request.readyBy(),
				TicketAccessRules.toWorkOn(caller)));
	}

	@PostMapping("/{ticketId}/preparing")
	@Operation(operationId = "startPreparingTicket", summary = "Start preparing an accepted ticket", description = COOKS)
	TicketResponse startPreparing(@PathVariable UUID ticketId, Caller caller) {
		return TicketResponse.of(tickets.startPreparing(new TicketId(ticketId), TicketAccessRules.toWorkOn(caller)));
	}

	@PostMapping("/{ticketId}/ready")
	@Operation(operationId = "markTicketReady", summary = "Mark a ticket ready for pickup", description = COOKS)
	TicketResponse markReady(@PathVariable UUID ticketId, Caller caller) {
		return TicketResponse.of(tickets.markReady(new TicketId(ticketId), TicketAccessRules.toWorkOn(caller)));
	}

	@PostMapping("/{ticketId}/picked-up")
	@Operation(operationId = "pickUpTicket", summary = "Hand a ready ticket to the courier", description = COOKS)
	TicketResponse pickUp(@PathVariable UUID ticketId, Caller caller) {
		return TicketResponse.of(tickets.pickUp(new TicketId(ticketId), TicketAccessRules.toWorkOn(caller)));
	}
}
