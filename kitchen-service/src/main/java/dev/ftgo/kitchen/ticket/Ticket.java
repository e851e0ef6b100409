package dev.ftgo.kitchen.ticket;

import static dev.ftgo.kitchen.ticket.TicketState.ACCEPTED;
import static dev.ftgo.kitchen.ticket.TicketState.AWAITING_ACCEPTANCE;
import static dev.ftgo.kitchen.ticket.TicketState.CANCELLED;
import static dev.ftgo.kitchen.ticket.TicketState.PICKED_UP;
import static dev.ftgo.kitchen.ticket.TicketState.PREPARING;
import static dev.ftgo.kitchen.ticket.TicketState.READY_FOR_PICKUP;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.ticket.TicketRefusedException.Reason;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * The kitchen's work for one order. It moves {@code AWAITING_ACCEPTANCE → ACCEPTED → PREPARING →
 * READY_FOR_PICKUP → PICKED_UP}, one named transition per step; it can be cancelled only before
 * preparation starts. Every transition refuses to run from any other state, and records the
 * {@link TicketEvent} it causes; {@link #releaseMessages()} hands them to whoever saves the ticket.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

	@Id
	private UUID id;

	private UUID orderId;

	// null when the CreateTicket did not name the consumer (an older order-service)
	private UUID consumerId;

	private UUID restaurantId;

	@Enumerated(EnumType.STRING)
	private TicketState state;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "ticket_line_item", joinColumns = @JoinColumn(name = "ticket_id"))
	@OrderColumn(name = "position")
	private List<TicketLineItem> lineItems = new ArrayList<>();

	private Instant readyBy;

	// a wrapper type, so that Spring Data sees a new ticket by its null version and persists it
	@Version
	private Long version;

	private Instant createdAt;
	private Instant acceptedAt;
	private Instant preparingAt;
	private Instant readyAt;
	private Instant pickedUpAt;
	private Instant cancelledAt;

	// recorded by the transitions of this instance, not stored: the outbox stores them
	@Transient
	private final List<TicketEvent> messages = new ArrayList<>();

	protected Ticket() {
		// for JPA
	}

	private Ticket(OrderId orderId, ConsumerId consumerId, RestaurantId restaurantId, List<TicketLineItem> lineItems,
			Instant now) {
		this.id = TicketId.random().value();
		this.orderId = orderId.value();
		this.consumerId = consumerId == null ? null : consumerId.value();
		this.restaurantId = restaurantId.value();
		this.state = AWAITING_ACCEPTANCE;
		this.lineItems = new ArrayList<>(lineItems);
		this.createdAt = now;
	}

	/**
	 * A ticket for {@code items} of {@code orderId}, named as on the restaurant's current menu.
	 *
	 * @param consumerId who placed the order, or {@code null} when the order does not say
	 * @throws TicketRefusedException if the restaurant is closed or an item is not on its menu
	 */
	public static Ticket create(OrderId orderId, ConsumerId consumerId, Restaurant restaurant, List<OrderedItem> items,
			Instant now) {
		if (items == null || items.isEmpty()) {
			throw new IllegalArgumentException("a ticket needs at least one line item");
		}
		if (!restaurant.isOpen()) {
			throw new TicketRefusedException(Reason.RESTAURANT_CLOSED, "Restaurant " + restaurant.id() + " is closed");
		}
		var lineItems = new ArrayList<TicketLineItem>();
		for (var item : items) {
			var menuItem = restaurant.menuItem(item.menuItemId())
					.orElseThrow(() -> new TicketRefusedException(Reason.UNKNOWN_MENU_ITEM,
							"Menu item " + item.menuItemId() + " is not on the menu of restaurant " + restaurant.id()));
			lineItems.add(new TicketLineItem(menuItem.menuItemId(), menuItem.name(), item.quantity()));
		}
		return new Ticket(orderId, consumerId, restaurant.id(), lineItems, now);
	}

	/**
	 * The kitchen commits to have the ticket ready by {@code readyBy}, which must lie after {@code now}
	 * and at most {@code maxLeadTime} ahead (so a mistyped year is refused rather than promised).
	 */
	public void accept(Instant readyBy, Instant now, Duration maxLeadTime) {
		requireState("accept", AWAITING_ACCEPTANCE);
		if (!readyBy.isAfter(now)) {
			throw new TicketRuleViolationException("readyBy " + readyBy + " is not in the future");
		}
		if (readyBy.isAfter(now.plus(maxLeadTime))) {
			throw new TicketRuleViolationException("readyBy " + readyBy + " is more than " + maxLeadTime + " ahead");
		}
		// the database keeps microseconds; truncating here makes the stored and the returned value equal
		this.readyBy = readyBy.truncatedTo(ChronoUnit.MICROS);
		this.state = ACCEPTED;
		this.acceptedAt = now;
		record(new TicketAccepted(id, orderId, this.readyBy));
	}

	public void startPreparing(Instant now) {
		requireState("start preparing", ACCEPTED);
		state = PREPARING;
		preparingAt = now;
		record(new TicketPreparationStarted(id, orderId));
	}

	public void markReady(Instant now) {
		requireState("mark ready", PREPARING);
		state = READY_FOR_PICKUP;
		readyAt = now;
		record(new TicketReadyForPickup(id, orderId));
	}

	public void pickUp(Instant now) {
		requireState("pick up", READY_FOR_PICKUP);
		state = PICKED_UP;
		pickedUpAt = now;
		record(new TicketPickedUp(id, orderId));
	}

	/** Once the kitchen is preparing, the food exists and the order can no longer be cancelled. */
	public void cancel(Instant now) {
		requireState("cancel", AWAITING_ACCEPTANCE, ACCEPTED);
		state = CANCELLED;
		cancelledAt = now;
		record(new TicketCancelled(id, orderId));
	}

	/**
	 * The messages recorded since the last call, in the order of the transitions; the ticket forgets them.
	 * Send them in the transaction that saves this ticket.
	 */
	public List<TicketEvent> releaseMessages() {
		var released = List.copyOf(messages);
		messages.clear();
		return released;
	}

	private void record(TicketEvent message) {
		messages.add(message);
	}

	private void requireState(String transition, TicketState first, TicketState... others) {
		Set<TicketState> allowed = EnumSet.of(first, others);
		if (!allowed.contains(state)) {
			throw new IllegalTicketStateException(
					"Cannot " + transition + " ticket " + id + " in state " + state + "; allowed from " + allowed);
		}
	}

	public TicketId id() {
		return new TicketId(id);
	}

	public OrderId orderId() {
		return new OrderId(orderId);
	}

	/** Empty when the order did not name its consumer. */
	public Optional<ConsumerId> consumerId() {
		return Optional.ofNullable(consumerId).map(ConsumerId::new);
	}

	public RestaurantId restaurantId() {
		return new RestaurantId(restaurantId);
	}

	public TicketState state() {
		return state;
	}

	public List<TicketLineItem> lineItems() {
		return List.copyOf(lineItems);
	}

	/** Null until the ticket is accepted. */
	public Instant readyBy() {
		return readyBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant acceptedAt() {
		return acceptedAt;
	}

	public Instant preparingAt() {
		return preparingAt;
	}

	public Instant readyAt() {
		return readyAt;
	}

	public Instant pickedUpAt() {
		return pickedUpAt;
	}

	public Instant cancelledAt() {
		return cancelledAt;
	}
}
