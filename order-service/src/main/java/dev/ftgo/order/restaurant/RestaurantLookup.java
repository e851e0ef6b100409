package dev.ftgo.order.restaurant;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ftgo.order.order.Restaurant;
import dev.ftgo.order.order.RestaurantCatalog;
import dev.ftgo.order.order.RestaurantId;

/**
 * Restaurants for pricing: from the local {@link RestaurantReplica} first, so placing an order usually
 * needs no call to kitchen-service at all; from kitchen-service (guarded by its breaker, bulkhead and
 * retry) only for a restaurant the replica has not seen yet, e.g. one created moments ago. The replica
 * may be a few events behind the kitchen; the kitchen checks the items again when it creates the ticket.
 */
@Component
class RestaurantLookup implements RestaurantCatalog {

	private final RestaurantReplica replica;
	private final KitchenServiceClient kitchenService;

	RestaurantLookup(RestaurantReplica replica, KitchenServiceClient kitchenService) {
		this.replica = replica;
		this.kitchenService = kitchenService;
	}

	@Override
	public Optional<Restaurant> find(RestaurantId id) {
		return replica.find(id).or(() -> kitchenService.find(id));
	}
}
