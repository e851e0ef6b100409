package dev.ftgo.order.order;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.order.OrderRefusedException.Reason;

/**
 * The order use cases. Placing an order calls kitchen-service and consumer-service before it opens
 * a transaction, so a slow remote service never holds a database connection. The messages a change
 * causes are sent in the transaction that saves it.
 */
@Service
public class OrderService {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final Orders orders;
	private final IdempotencyRecords idempotencyRecords;
	private final RestaurantCatalog restaurants;
	private final ConsumerCheck consumers;
	private final OrderMessages messages;
	private final TransactionTemplate transaction;
	private final Clock clock;

	OrderService(Orders orders, IdempotencyRecords idempotencyRecords, RestaurantCatalog restaurants,
			ConsumerCheck consumers, OrderMessages messages, PlatformTransactionManager transactionManager, Clock clock) {
		this.orders = orders;
		this.idempotencyRecords = idempotencyRecords;
		this.restaurants = restaurants;
		this.consumers = consumers;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Prices the lines from the restaurant's current menu, has the consumer approve the total and saves
	 * the order in APPROVAL_PENDING, sending {@code OrderCreated} and {@code CreateTicket}. With a key, a
	 * repeated request returns the order the key placed first, even when both arrive at once, and sends
	 * nothing again. A key is the ordering consumer's own: another consumer's use of it is neither replayed
	 * nor refused here, and so never revealed.
	 *
	 * @throws OrderRefusedException when the order refers to unknown things or breaks a rule
	 * @throws IdempotencyKeyReusedException when the consumer used the key for a different request
	 */
	public PlacedOrder place(PlaceOrder command, IdempotencyKey keyOrNull) {
		var fingerprint = command.fingerprint();
		if (keyOrNull != null) {
			var earlier = replay(command.consumerId(), keyOrNull, fingerprint);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		PlacementRules.QUANTITIES_WITHIN_LIMITS.enforce(command);
		var restaurant = restaurants.find(command.restaurantId())
			.orElseThrow(() -> PlacementRules.unknownRestaurant(command.restaurantId()));
		PlacementRules.RESTAURANT_OPEN.enforce(restaurant);
		var lineItems = priceLines(command, restaurant);
		var total = Order.totalOf(lineItems);
		PlacementRules.TOTAL_REPRESENTABLE.enforce(total);
		var verdict = consumers.validateOrder(command.consumerId(), total);
		switch (verdict.outcome()) {
			case UNKNOWN_CONSUMER -> throw new OrderRefusedException(Reason.UNKNOWN_CONSUMER,
					"Consumer " + command.consumerId() + " does not exist", "consumerId");
			case REFUSED -> throw new OrderRefusedException(Reason.CONSUMER_REFUSED,
					"The consumer cannot place this order: " + verdict.reason());
			case APPROVED -> {
				// go ahead
			}
		}
		var now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
		var order = Order.place(command.consumerId(), command.restaurantId(), lineItems, command.deliveryAddress(), now);
		try {
			transaction.executeWithoutResult(status -> {
				orders.save(order);
				if (keyOrNull != null) {
					idempotencyRecords.saveAndFlush(
							new IdempotencyRecord(command.consumerId(), keyOrNull, fingerprint, order.id(), now));
				}
				messages.send(order.releaseMessages());
			});
		}
		catch (DataIntegrityViolationException duplicateKey) {
			// a concurrent request of this consumer with the same key committed first; its order is the answer
			if (keyOrNull == null) {
				throw duplicateKey;
			}
			return replay(command.consumerId(), keyOrNull, fingerprint).orElseThrow(() -> duplicateKey);
		}
		return new PlacedOrder(order, false);
	}

	@Transactional(readOnly = true)
	public Order find(OrderId id) {
		return load(id);
	}

	/**
	 * The order, if {@code consumerId} placed it.
	 *
	 * @throws OrderNotFoundException also for another consumer's order: whether it exists is none of this one's business
	 */
	@Transactional(readOnly = true)
	public Order findOf(ConsumerId consumerId, OrderId id) {
		return loadOf(consumerId, id);
	}

	/** The consumer's orders, newest first. */
	@Transactional(readOnly = true)
	public Page<Order> findByConsumer(ConsumerId consumerId, int page, int size) {
		return orders.findByConsumerId(consumerId.value(), PageRequest.of(page, size, NEWEST_FIRST));
	}

	/**
	 * The consumer who placed the order asks to cancel it.
	 *
	 * @throws OrderNotFoundException also for another consumer's order, which stays as it is
	 */
	@Transactional
	public Order requestCancellation(ConsumerId consumerId, OrderId id) {
		var order = loadOf(consumerId, id);
		order.requestCancellation();
		messages.send(order.releaseMessages());
		return order;
	}

	private Optional<PlacedOrder> replay(ConsumerId consumerId, IdempotencyKey key, String fingerprint) {
		var id = IdempotencyRecord.ConsumersKey.of(consumerId, key);
		return transaction.execute(status -> idempotencyRecords.findById(id).map(earlier -> {
			if (!earlier.matches(fingerprint)) {
				throw new IdempotencyKeyReusedException(key);
			}
			return new PlacedOrder(load(earlier.orderId()), true);
		}));
	}

	/** The lines priced from the restaurant's menu, each checked against the rules about ordered items. */
	private static List<OrderLineItem> priceLines(PlaceOrder command, Restaurant restaurant) {
		var lines = command.lineItems();
		var priced = new ArrayList<OrderLineItem>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i);
			int index = i;
			var item = restaurant.menuItem(line.menuItemId())
				.orElseThrow(() -> PlacementRules.unknownMenuItem(restaurant, index, line));
			var ordered = new PlacementRules.OrderedItem(i, line, item, priced.isEmpty() ? null : priced.get(0).price());
			PlacementRules.SAME_CURRENCY.enforce(ordered);
			PlacementRules.PRICE_REPRESENTABLE.enforce(ordered);
			priced.add(new OrderLineItem(item.id(), item.name(), new Quantity(line.quantity()), item.price()));
		}
		return priced;
	}

	private Order load(OrderId id) {
		return orders.findById(id.value()).orElseThrow(() -> new OrderNotFoundException(id));
	}

	private Order loadOf(ConsumerId consumerId, OrderId id) {
		return orders.findById(id.value()).filter(order -> order.consumerId().equals(consumerId))
			.orElseThrow(() -> new OrderNotFoundException(id));
	}
}
