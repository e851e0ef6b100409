package dev.ftgo.order.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
 * An order and its life cycle. The state changes only through the named transitions below; each
 * guards the current state and throws {@link IllegalOrderStateException} when the transition is not
 * allowed from there:
 *
 * <pre>
 * APPROVAL_PENDING → APPROVED | REJECTED
 * APPROVED → ACCEPTED → PREPARING → READY_FOR_PICKUP → PICKED_UP
 * APPROVED | ACCEPTED → CANCEL_PENDING → CANCELLED, or back to the state before (kitchen refused)
 * </pre>
 *
 * Each transition records the {@link OrderMessage}s it causes; {@link #releaseMessages()} hands them to
 * whoever saves the order.
 *
 * Concurrent transitions on one order are serialised by the {@code version}: the second writer fails
 * with an optimistic locking error instead of silently overwriting the first.
 */
@Entity
@Table(name = "orders")
public class Order {

	/** The state every order is created in. */
	public static final OrderState INITIAL_STATE = OrderState.APPROVAL_PENDING;

	private static final Set<OrderState> CANCELLABLE = EnumSet.of(OrderState.APPROVED, OrderState.ACCEPTED);

	@Id
	private UUID id;

	private UUID consumerId;

	private UUID restaurantId;

	@Enumerated(EnumType.STRING)
	private OrderState state;

	/** Where {@link #undoCancellation()} returns to; set only while the state is CANCEL_PENDING. */
	@Enumerated(EnumType.STRING)
	private OrderState stateBeforeCancellation;

	// the lines are part of the aggregate: never loaded or changed without it
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "order_line_item", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLineItem> lineItems = new ArrayList<>();

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "order_total_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "order_total_currency"))
	private Money orderTotal;

	private String deliveryAddress;

	private UUID ticketId;

	private String rejectionReason;

	private Instant readyBy;

	private Instant createdAt;

	// a wrapper type, so that Spring Data sees a new order (null) and persists instead of merging
	@Version
	private Long version;

	// recorded by the transitions of this instance, not stored: the outbox stores them
	@Transient
	private List<OrderMessage> messages = new ArrayList<>();

	protected Order() {
		// for JPA
	}

	private Order(OrderId id, ConsumerId consumerId, RestaurantId restaurantId, List<OrderLineItem> lineItems,
			String deliveryAddress, Instant createdAt) {
		this.id = id.value();
		this.consumerId = consumerId.value();
		this.restaurantId = restaurantId.value();
		this.lineItems = new ArrayList<>(lineItems);
		this.orderTotal = totalOf(lineItems);
		this.deliveryAddress = deliveryAddress;
		this.state = INITIAL_STATE;
		this.createdAt = createdAt;
		record(new OrderMessage.OrderCreated(id, consumerId, restaurantId, this.lineItems, orderTotal));
		record(new OrderMessage.CreateTicket(id, restaurantId, consumerId, this.lineItems));
	}

	/**
	 * A new order awaiting approval. The caller has already checked the lines against the menu and the
	 * consumer; this only insists on the invariants: at least one line, one currency.
	 */
	public static Order place(ConsumerId consumerId, RestaurantId restaurantId, List<OrderLineItem> lineItems,
			String deliveryAddressOrNull, Instant now) {
		Objects.requireNonNull(consumerId, "consumerId");
		Objects.requireNonNull(restaurantId, "restaurantId");
		Objects.requireNonNull(now, "now");
		return new Order(OrderId.random(), consumerId, restaurantId, lineItems, deliveryAddressOrNull, now);
	}

	/** The total of the given lines; fails when there are none or they mix currencies. */
	public static Money totalOf(List<OrderLineItem> lineItems) {
		if (lineItems == null || lineItems.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line item");
		}
		var total = Money.zero(lineItems.get(0).price().currency());
		for (var line : lineItems) {
			total = total.plus(line.total());
		}
		return total;
	}

	/** The kitchen created the ticket: the order goes ahead. */
	public void approve(TicketId ticketId) {
		Objects.requireNonNull(ticketId, "ticketId");
		requireState("approve", OrderState.APPROVAL_PENDING);
		this.ticketId = ticketId.value();
		this.state = OrderState.APPROVED;
		record(new OrderMessage.OrderApproved(id(), ticketId));
		record(ConsumerNotifications.approved(this));
	}

	/** The order cannot go ahead (e.g. the kitchen refused the ticket); {@code reason} says why. */
	public void reject(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a rejection needs a reason");
		}
		requireState("reject", OrderState.APPROVAL_PENDING);
		this.rejectionReason = reason;
		this.state = OrderState.REJECTED;
		record(new OrderMessage.OrderRejected(id(), reason));
		record(ConsumerNotifications.rejected(this));
	}

	/** The consumer wants to cancel; the kitchen still has to agree, so the order waits in CANCEL_PENDING. */
	public void requestCancellation() {
		if (!CANCELLABLE.contains(state)) {
			throw new IllegalOrderStateException(
					"Order " + id + " cannot be cancelled in state " + state + "; only " + CANCELLABLE + " orders can");
		}
		this.stateBeforeCancellation = state;
		this.state = OrderState.CANCEL_PENDING;
		record(new OrderMessage.OrderCancellationRequested(id(), ticketId()));
	}

	/** The kitchen agreed to the cancellation. */
	public void confirmCancellation() {
		requireState("confirm the cancellation of", OrderState.CANCEL_PENDING);
		this.stateBeforeCancellation = null;
		this.state = OrderState.CANCELLED;
		record(new OrderMessage.OrderCancelled(id(), state));
	}

	/** The kitchen refused the cancellation (e.g. already preparing): back to where the order was. */
	public void undoCancellation() {
		requireState("undo the cancellation of", OrderState.CANCEL_PENDING);
		this.state = stateBeforeCancellation;
		this.stateBeforeCancellation = null;
		record(new OrderMessage.OrderCancellationRejected(id(), state));
	}

	public void noteTicketAccepted(Instant readyBy) {
		Objects.requireNonNull(readyBy, "readyBy");
		followTicket("accept", OrderState.APPROVED, OrderState.ACCEPTED);
		this.readyBy = readyBy;
	}

	public void noteTicketPreparing() {
		followTicket("start preparing", OrderState.ACCEPTED, OrderState.PREPARING);
	}

	public void noteTicketReadyForPickup() {
		followTicket("mark ready for pickup", OrderState.PREPARING, OrderState.READY_FOR_PICKUP);
		record(ConsumerNotifications.readyForPickup(this));
	}

	public void noteTicketPickedUp() {
		followTicket("mark picked up", OrderState.READY_FOR_PICKUP, OrderState.PICKED_UP);
	}

	/**
	 * The messages recorded since the last call, in the order of the transitions; the order forgets them.
	 * Send them in the transaction that saves this order.
	 */
	public List<OrderMessage> releaseMessages() {
		var released = List.copyOf(messages);
		messages.clear();
		return released;
	}

	/**
	 * The ticket moved from {@code from} to {@code to}. While a cancellation is pending the kitchen may still
	 * move it: it had not seen the request yet and will refuse it because of that very step. The step is
	 * then kept as the state to return to, so the refused cancellation lands where the ticket really is
	 * instead of a state from which the ticket's next steps would be illegal.
	 */
	private void followTicket(String action, OrderState from, OrderState to) {
		if (state == OrderState.CANCEL_PENDING && stateBeforeCancellation == from) {
			stateBeforeCancellation = to;
			return;
		}
		requireState(action, from);
		this.state = to;
	}

	private void record(OrderMessage message) {
		messages.add(message);
	}

	private void requireState(String action, OrderState required) {
		if (state != required) {
			throw new IllegalOrderStateException(
					"Cannot " + action + " order " + id + " in state " + state + "; it must be " + required);
		}
	}

	public OrderId id() {
		return new OrderId(id);
	}

	public ConsumerId consumerId() {
		return new ConsumerId(consumerId);
	}

	public RestaurantId restaurantId() {
		return new RestaurantId(restaurantId);
	}

	public OrderState state() {
		return state;
	}

	public List<OrderLineItem> lineItems() {
		return List.copyOf(lineItems);
	}

	public Money orderTotal() {
		return orderTotal;
	}

	/** Optional: {@code null} when the consumer gave none. */
	public String deliveryAddress() {
		return deliveryAddress;
	}

	/** {@code null} until the order is approved. */
	public TicketId ticketId() {
		return ticketId == null ? null : new TicketId(ticketId);
	}

	/** {@code null} unless the order was rejected. */
	public String rejectionReason() {
		return rejectionReason;
	}

	/** {@code null} until the kitchen accepted the ticket. */
	public Instant readyBy() {
		return readyBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	/** {@code null} until first saved; then the optimistic-locking version. */
	public Long version() {
		return version;
	}
}
