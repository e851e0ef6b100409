package dev.ftgo.order.order.web;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderService;
import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.security.AccessRefusedException;
import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

/**
 * What the order endpoints do, in every API version: a version's controller declares the endpoints and says how
 * an order looks in its representation; placing, paging, cancelling and who may do each are defined here once.
 *
 * <p>Who may do what (the access table of docs/security.md): a 403 when the request alone shows the caller may not
 * (wrong role, another consumer's id in the body or the query), checked before anything is read or written; a 404
 * when only the order shows it (another consumer's order), exactly as for an order that does not exist, so that
 * a consumer cannot probe for other consumers' orders.
 */
final class OrderEndpoints {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
	/** Larger requests are served this many at a time rather than refused. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderService orders;
	private final String collectionPath;

	OrderEndpoints(OrderService orders, String collectionPath) {
		this.orders = orders;
		this.collectionPath = collectionPath;
	}

	/**
	 * A retry with the same {@code Idempotency-Key} and the same order gets the same answer (marked
	 * {@code Idempotent-Replayed: true}) and no second order. "The same order" is decided on the command, not on the
	 * JSON, so a consumer's key names one of its orders across API versions. Keys are per consumer.
	 */
	<T> ResponseEntity<T> place(PlaceOrder command, String idempotencyKeyOrNull, Caller caller,
			Function<OrderId, T> creationAnswer) {
		// only consumers order, each for itself; checked before the key is looked up, because the key is looked up
		// among the keys of the body's consumer: this makes them the caller's own, so nobody gets another consumer's
		// order replayed or learns which keys another consumer used
		caller.requireConsumer(command.consumerId().value());
		var key = idempotencyKeyOrNull == null ? null : new IdempotencyKey(idempotencyKeyOrNull);
		var placed = orders.place(command, key);
		var orderId = placed.order().id();
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create(collectionPath + "/" + orderId))
				.header(IDEMPOTENT_REPLAYED, Boolean.toString(placed.replayed()))
				// the creation answer, also on a replay: the current state is what GET is for
				.body(creationAnswer.apply(orderId));
	}

	/** Admins read every order, consumers their own; another consumer's order is a 404 like a missing one. */
	<T> T get(UUID orderId, Caller caller, Function<Order, T> representation) {
		caller.requireAnyRole(Role.ADMIN, Role.CONSUMER);
		var id = new OrderId(orderId);
		var order = caller.isAdmin() ? orders.find(id) : orders.findOf(consumerOf(caller), id);
		return representation.apply(order);
	}

	<T> OrderPage<T> list(UUID consumerId, int page, int size, Caller caller, Function<Order, T> representation) {
		caller.requireAdminOrConsumer(consumerId);
		return OrderPage.of(orders.findByConsumer(new ConsumerId(consumerId), page, Math.min(size, MAX_PAGE_SIZE)),
				representation);
	}

	/** Only the consumer who placed the order may cancel it; the service answers any other consumer 404. */
	<T> ResponseEntity<T> cancel(UUID orderId, Caller caller, Function<Order, T> representation) {
		caller.requireAnyRole(Role.CONSUMER);
		var order = orders.requestCancellation(consumerOf(caller), new OrderId(orderId));
		// accepted, not done: the kitchen still has to agree
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(representation.apply(order));
	}

	/** The consumer a consumer's token speaks for; a token whose subject is no consumer id owns nothing. */
	private static ConsumerId consumerOf(Caller caller) {
		return caller.consumerId().map(ConsumerId::new)
			.orElseThrow(() -> new AccessRefusedException("Only a consumer may do this, with its own consumer id."));
	}
}
