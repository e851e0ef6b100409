package dev.ftgo.order.restaurant;

import static dev.ftgo.order.ReplicaFeeds.awaitVersion;
import static dev.ftgo.order.ReplicaFeeds.menu;
import static dev.ftgo.order.ReplicaFeeds.restaurantSnapshot;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.Relay;
import dev.ftgo.order.WithStubbedServices;

/** restaurant.events feed the local replica, and orders are priced from it without asking kitchen-service. */
class RestaurantReplicaIT extends WithStubbedServices {

	private void awaitRestaurant(UUID restaurantId, long version) {
		awaitVersion(jdbc, "restaurant_replica", "restaurant_id", restaurantId, version);
	}

	private int kitchenCalls(UUID restaurantId) {
		return KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId);
	}

	@Test
	void pricesAnOrderFromTheReplicaWithoutCallingTheKitchen() {
		var restaurantId = UUID.randomUUID();
		restaurantSnapshot(restaurantId, "RestaurantCreated", true, menu("11.00"), 1);
		awaitRestaurant(restaurantId, 1);

		var orderId = placeOrder(UUID.randomUUID(), restaurantId);

		assertThat(kitchenCalls(restaurantId)).isZero();
		var order = order(orderId);
		assertThat(order.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("11.00");
		// 2 x 11.00 + 3 x 2.25
		assertThat(order.at("/orderTotal/amount").asString()).isEqualTo("28.75");
	}

	@Test
	void theHighestVersionWinsWhateverOrderTheSnapshotsArriveIn() {
		var restaurantId = UUID.randomUUID();
		restaurantSnapshot(restaurantId, "RestaurantMenuRevised", true, menu("14.00"), 2);
		var older = restaurantSnapshot(restaurantId, "RestaurantCreated", true, menu("11.00"), 1);
		awaitProcessed(older);

		var order = order(placeOrder(UUID.randomUUID(), restaurantId));

		assertThat(order.at("/lineItems/0/price/amount").asString()).isEqualTo("14.00");
		assertThat(jdbc.queryForObject("SELECT version FROM restaurant_replica WHERE restaurant_id = ?", Long.class,
				restaurantId)).isEqualTo(2);
		assertThat(kitchenCalls(restaurantId)).isZero();
	}

	@Test
	void aNewerSnapshotReplacesTheWholeMenu() {
		var restaurantId = UUID.randomUUID();
		restaurantSnapshot(restaurantId, "RestaurantCreated", true, menu("11.00"), 1);
		restaurantSnapshot(restaurantId, "RestaurantMenuRevised", true, """
				[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.00", "currency": "USD"}}]""", 2);
		awaitRestaurant(restaurantId, 2);

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("UNKNOWN_MENU_ITEM");
		assertThat(kitchenCalls(restaurantId)).isZero();
	}

	@Test
	void aRestaurantClosedInTheReplicaRefusesOrdersWithoutCallingTheKitchen() {
		var restaurantId = UUID.randomUUID();
		restaurantSnapshot(restaurantId, "RestaurantCreated", true, menu("11.00"), 1);
		restaurantSnapshot(restaurantId, "RestaurantClosed", false, menu("11.00"), 2);
		awaitRestaurant(restaurantId, 2);

		var response = postOrder(UUID.randomUUID(), restaurantId);

		assertProblem(response, 422);
		assertThat(response.json().get("reason").asString()).isEqualTo("RESTAURANT_CLOSED");
		assertThat(kitchenCalls(restaurantId)).isZero();
	}

	@Test
	void aRestaurantTheReplicaHasNotSeenIsAskedOfTheKitchen() {
		var restaurantId = givenRestaurant();

		placeOrder(UUID.randomUUID(), restaurantId);

		assertThat(kitchenCalls(restaurantId)).isEqualTo(1);
	}

	@Test
	void readsSnapshotsTolerantly() {
		var restaurantId = UUID.randomUUID();
		// no "open" (means open), unknown fields at every level
		Relay.publish("restaurant.events", restaurantId.toString(), "RestaurantCreated", """
				{"restaurantId": "%s", "name": "Tolerant Tandoori", "cuisine": "Indian", "version": 1,
				 "menu": [{"menuItemId": "m1", "name": "Curry", "spicy": true, "price": {"amount": "9.50", "currency": "USD"}},
				          {"menuItemId": "m2", "name": "Naan", "price": {"amount": "2.00", "currency": "USD", "taxed": false}}]}"""
			.formatted(restaurantId));
		awaitRestaurant(restaurantId, 1);

		var order = order(placeOrder(UUID.randomUUID(), restaurantId));

		assertThat(order.at("/orderTotal/amount").asString()).isEqualTo("25.00");
		assertThat(kitchenCalls(restaurantId)).isZero();
	}
}
