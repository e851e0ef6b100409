package dev.ftgo.order.restaurant.messaging;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.messaging.MessageSubscription;
import dev.ftgo.messaging.ReceivedMessage;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Restaurant;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.order.restaurant.RestaurantReplica;
import dev.ftgo.order.wire.MoneyJson;

/**
 * Feeds the {@link RestaurantReplica} from restaurant.events. Every type carries a full snapshot of the
 * restaurant and its menu, so all are handled alike and the highest version wins, whatever order they
 * arrive in.
 */
@Configuration(proxyBeanMethods = false)
class RestaurantReplicaFeed {

	static final String TOPIC = "restaurant.events";

	private static final Logger log = LoggerFactory.getLogger(RestaurantReplicaFeed.class);

	@Bean
	MessageSubscription restaurantEvents(RestaurantReplica replica) {
		var subscription = MessageSubscription.to(TOPIC);
		for (var type : List.of("RestaurantCreated", "RestaurantMenuRevised", "RestaurantClosed", "RestaurantOpened")) {
			subscription.on(type, RestaurantChanged.class, (event, message) -> keep(replica, event, message));
		}
		return subscription;
	}

	private static void keep(RestaurantReplica replica, RestaurantChanged event, ReceivedMessage message) {
		if (!replica.apply(event.toRestaurant(), event.version())) {
			log.debug("{} {} (restaurant {}, version {}) is not newer than the replica; skipped", message.type(),
					message.id(), event.restaurantId(), event.version());
		}
	}

	/**
	 * The snapshot on the wire. Without an id or version it cannot be placed in the replica and fails to
	 * parse (dead-letter topic); a missing {@code open} means open and a missing menu an empty one, as
	 * when the restaurant is read from kitchen-service directly.
	 */
	record RestaurantChanged(UUID restaurantId, String name, Boolean open, List<MenuItemJson> menu, Long version) {

		RestaurantChanged {
			Objects.requireNonNull(restaurantId, "restaurantId");
			Objects.requireNonNull(version, "version");
		}

		Restaurant toRestaurant() {
			var items = menu == null ? List.<Restaurant.MenuItem>of() : menu.stream().map(MenuItemJson::toMenuItem).toList();
			return new Restaurant(new RestaurantId(restaurantId), name, open == null || open, items);
		}
	}

	record MenuItemJson(String menuItemId, String name, MoneyJson price) {

		Restaurant.MenuItem toMenuItem() {
			Objects.requireNonNull(price, "price");
			return new Restaurant.MenuItem(new MenuItemId(menuItemId), name,
					new Money(new BigDecimal(price.amount()), Currency.getInstance(price.currency())));
		}
	}
}
