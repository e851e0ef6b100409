package dev.ftgo.kitchen.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.Restaurants;
import dev.ftgo.kitchen.ticket.TicketRefusedException.Reason;

/**
 * The ticket use cases; each runs in one transaction, which also sends the {@link TicketEvent} of its
 * transition, and a transition commits only if nobody else changed the ticket since it was read
 * (optimistic locking on {@code version}). The reads and the kitchen's steps take the {@link TicketAccess} of
 * whoever asks; a ticket it does not permit is not found.
 */
@Service
@Transactional
public class TicketService {

	private final Tickets tickets;
	private final Restaurants restaurants;
	private final TicketMessages messages;
	private final TicketSettings settings;
	private final Clock clock;

	TicketService(Tickets tickets, Restaurants restaurants, TicketMessages messages, TicketSettings settings, Clock clock) {
		this.tickets = tickets;
		this.restaurants = restaurants;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates the ticket for an order. There is one ticket per order: asking again for the same order
	 * returns the ticket created the first time, so a redelivered request does no harm.
	 *
	 * <p>A refusal changes nothing and leaves the caller's transaction committable: the message handler
	 * that called this commits its reply in it.
	 *
	 * @param consumerId who placed the order, or {@code null} when the command does not say (then no consumer
	 *        may read the ticket)
	 * @throws TicketRefusedException if the restaurant is unknown or closed, or an item is not on its menu
	 */
	@Transactional(noRollbackFor = TicketRefusedException.class)
	public Ticket createTicket(OrderId orderId, ConsumerId consumerId, RestaurantId restaurantId,
			List<OrderedItem> items) {
		var existing = tickets.findByOrderId(orderId.value());
		if (existing.isPresent()) {
			return existing.get();
		}
		var restaurant = restaurants.findById(restaurantId.value())
				.orElseThrow(() -> new TicketRefusedException(Reason.UNKNOWN_RESTAURANT, "No restaurant with id " + restaurantId));
		return tickets.save(Ticket.create(orderId, consumerId, restaurant, items, clock.instant()));
	}

	/** @throws TicketNotFoundException if there is no such ticket, or {@code access} does not permit it */
	@Transactional(readOnly = true)
	public Ticket find(TicketId id, TicketAccess access) {
		return load(id, access);
	}

	/**
	 * The order's ticket if {@code access} permits it; empty while it has none (the kitchen may not have received
	 * the order yet) and when it is not the caller's to see. The two look alike on purpose: a stranger must not
	 * learn that an order exists and reached the kitchen.
	 */
	@Transactional(readOnly = true)
	public Optional<Ticket> findForOrder(OrderId orderId, TicketAccess access) {
		return tickets.findByOrderId(orderId.value()).filter(access::permits);
	}

	public Ticket accept(TicketId id, Instant readyBy, TicketAccess access) {
		var ticket = load(id, access);
		ticket.accept(readyBy, clock.instant(), settings.maxReadyByLeadTime());
		return sent(ticket);
	}

	public Ticket startPreparing(TicketId id, TicketAccess access) {
		var ticket = load(id, access);
		ticket.startPreparing(clock.instant());
		return sent(ticket);
	}

	public Ticket markReady(TicketId id, TicketAccess access) {
		var ticket = load(id, access);
		ticket.markReady(clock.instant());
		return sent(ticket);
	}

	public Ticket pickUp(TicketId id, TicketAccess access) {
		var ticket = load(id, access);
		ticket.pickUp(clock.instant());
		return sent(ticket);
	}

	public Ticket cancel(TicketId id) {
		var ticket = load(id, TicketAccess.ANYONE);
		ticket.cancel(clock.instant());
		return sent(ticket);
	}

	/**
	 * Cancels the ticket of an order its consumer wants cancelled. A ticket cancelled before is returned
	 * as it is, so a repeated request does no harm. A refusal changes nothing and, like in
	 * {@link #createTicket}, leaves the caller's transaction committable for its reply.
	 *
	 * @param ticketId the order's ticket, or {@code null} to find it by order
	 * @throws TicketNotFoundException if the order has no such ticket
	 * @throws IllegalTicketStateException once the kitchen started preparing
	 */
	@Transactional(noRollbackFor = { TicketNotFoundException.class, IllegalTicketStateException.class })
	public Ticket cancelForOrder(OrderId orderId, TicketId ticketId) {
		var ticket = (ticketId != null ? tickets.findById(ticketId.value()) : tickets.findByOrderId(orderId.value()))
				.filter(found -> found.orderId().equals(orderId))
				.orElseThrow(() -> new TicketNotFoundException(orderId, ticketId));
		if (ticket.state() == TicketState.CANCELLED) {
			return ticket;
		}
		ticket.cancel(clock.instant());
		return sent(ticket);
	}

	private Ticket sent(Ticket ticket) {
		messages.send(ticket.releaseMessages());
		return ticket;
	}

	private Ticket load(TicketId id, TicketAccess access) {
		return tickets.findById(id.value()).filter(access::permits).orElseThrow(() -> new TicketNotFoundException(id));
	}
}
