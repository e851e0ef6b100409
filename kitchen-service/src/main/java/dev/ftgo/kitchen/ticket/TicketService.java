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
 * The ticket use cases; each runs in one transaction, and a transition commits only if nobody else
 * changed the ticket since it was read (optimistic locking on {@code version}).
 */
@Service
@Transactional
public class TicketService {

	private final Tickets tickets;
	private final Restaurants restaurants;
	private final TicketSettings settings;
	private final Clock clock;

	TicketService(Tickets tickets, Restaurants restaurants, TicketSettings settings, Clock clock) {
		this.tickets = tickets;
		this.restaurants = restaurants;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates the ticket for an order. There is one ticket per order: asking again for the same order
	 * returns the ticket created the first time, so a redelivered request does no harm.
	 *
	 * @throws TicketRefusedException if the restaurant is unknown or closed, or an item is not on its menu
	 */
	public Ticket createTicket(OrderId orderId, RestaurantId restaurantId, List<OrderedItem> items) {
		var existing = tickets.findByOrderId(orderId.value());
		if (existing.isPresent()) {
			return existing.get();
		}
		var restaurant = restaurants.findById(restaurantId.value())
				.orElseThrow(() -> new TicketRefusedException(Reason.UNKNOWN_RESTAURANT, "No restaurant with id " + restaurantId));
		return tickets.save(Ticket.create(orderId, restaurant, items, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Ticket find(TicketId id) {
		return load(id);
	}

	@Transactional(readOnly = true)
	public Optional<Ticket> findForOrder(OrderId orderId) {
		return tickets.findByOrderId(orderId.value());
	}

	public Ticket accept(TicketId id, Instant readyBy) {
		var ticket = load(id);
		ticket.accept(readyBy, clock.instant(), settings.maxReadyByLeadTime());
		return ticket;
	}

	public Ticket startPreparing(TicketId id) {
		var ticket = load(id);
		ticket.startPreparing(clock.instant());
		return ticket;
	}

	public Ticket markReady(TicketId id) {
		var ticket = load(id);
		ticket.markReady(clock.instant());
		return ticket;
	}

	public Ticket pickUp(TicketId id) {
		var ticket = load(id);
		ticket.pickUp(clock.instant());
		return ticket;
	}

	public Ticket cancel(TicketId id) {
		var ticket = load(id);
		ticket.cancel(clock.instant());
		return ticket;
	}

	private Ticket load(TicketId id) {
		return tickets.findById(id.value()).orElseThrow(() -> new TicketNotFoundException(id));
	}
}
