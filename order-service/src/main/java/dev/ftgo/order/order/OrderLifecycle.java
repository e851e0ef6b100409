package dev.ftgo.order.order;

import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves orders along as the kitchen answers and works: each method applies one reply or ticket event and
 * sends what the transition records, in the caller's transaction (the one that marks the message as
 * processed, so a redelivered copy changes nothing).
 *
 * <p>A message that does not fit the order's state is logged and ignored rather than thrown: no retry can
 * make it fit, and throwing would only park it on the dead-letter topic after blocking its partition. It
 * is a late copy of something already applied (a sender's retry under a new message id) or an answer to a
 * question the order no longer asks (e.g. {@code TicketCreated} for an order already rejected); either way
 * the order is right as it is. Two cases are decided differently, because ignoring them would leave the
 * order stuck:
 * <ul>
 * <li>a ticket step while a cancellation is pending is kept as the state to return to, see
 * {@link Order#noteTicketPreparing()};</li>
 * <li>{@code TicketAccepted} before {@code TicketCreated}: replies and ticket events travel on different
 * topics, so nothing orders them. A ticket that is accepted exists, so the order is approved with it
 * first; the reply that follows is then a late copy.</li>
 * </ul>
 * A message about an order that does not exist is a broken contract, not a race (the kitchen learns of an
 * order only after it committed): it fails, and after the bounded retries lands on the dead-letter topic
 * where someone can look at it.
 */
@Service
public class OrderLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

	private final Orders orders;
	private final OrderMessages messages;

	OrderLifecycle(Orders orders, OrderMessages messages) {
		this.orders = orders;
		this.messages = messages;
	}

	@Transactional
	public void onTicketCreated(KitchenReply.TicketCreated reply) {
		change(reply.orderId(), "TicketCreated", order -> order.approve(new TicketId(reply.ticketId())));
	}

	@Transactional
	public void onCreateTicketRefused(KitchenReply.CreateTicketRefused reply) {
		var reason = reply.reason() == null || reply.reason().isBlank() ? "the kitchen gave no reason" : reply.reason();
		change(reply.orderId(), "CreateTicketRefused", order -> order.reject(reason));
	}

	@Transactional
	public void onTicketCancelled(KitchenReply.TicketCancelled reply) {
		change(reply.orderId(), "TicketCancelled", Order::confirmCancellation);
	}

	@Transactional
	public void onTicketCancellationRefused(KitchenReply.TicketCancellationRefused reply) {
		change(reply.orderId(), "TicketCancellationRefused", Order::undoCancellation);
	}

	@Transactional
	public void onTicketAccepted(TicketEvent event) {
		if (event.readyBy() == null) {
			// the contract promises it; a retry will not add it, so this one goes to the dead-letter topic
			throw new IllegalArgumentException("TicketAccepted for ticket " + event.ticketId() + " has no readyBy");
		}
		followTicket(event, "TicketAccepted", order -> {
			if (order.state() == OrderState.APPROVAL_PENDING) {
				order.approve(new TicketId(event.ticketId()));
			}
			order.noteTicketAccepted(event.readyBy());
		});
	}

	@Transactional
	public void onTicketPreparationStarted(TicketEvent event) {
		followTicket(event, "TicketPreparationStarted", Order::noteTicketPreparing);
	}

	@Transactional
	public void onTicketReadyForPickup(TicketEvent event) {
		followTicket(event, "TicketReadyForPickup", Order::noteTicketReadyForPickup);
	}

	@Transactional
	public void onTicketPickedUp(TicketEvent event) {
		followTicket(event, "TicketPickedUp", Order::noteTicketPickedUp);
	}

	/** An order follows its own ticket only; a second ticket for it would be the kitchen's mistake. */
	private void followTicket(TicketEvent event, String cause, Consumer<Order> step) {
		change(event.orderId(), cause, order -> {
			var ticket = order.ticketId();
			if (ticket != null && !ticket.value().equals(event.ticketId())) {
				throw new IllegalOrderStateException(
						"Order " + order.id() + " follows ticket " + ticket + ", not " + event.ticketId());
			}
			step.accept(order);
		});
	}

	/** {@code transition} either changes the order or throws before changing anything. */
	private void change(UUID orderId, String cause, Consumer<Order> transition) {
		var id = new OrderId(orderId);
		var order = orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(id));
		try {
			transition.accept(order);
		}
		catch (IllegalOrderStateException doesNotFit) {
			// caught here, inside the transactional method, so the caller's transaction is not marked rollback-only
			log.warn("Ignored {} for order {}: {}", cause, id, doesNotFit.getMessage());
			return;
		}
		messages.send(order.releaseMessages());
	}
}
