package dev.ftgo.kitchen.restaurant;

import java.time.Clock;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The restaurant use cases; each runs in one transaction, which also announces the change it made. */
@Service
@Transactional
public class RestaurantService {

	private final Restaurants restaurants;
	private final RestaurantEvents events;
	private final Clock clock;

	RestaurantService(Restaurants restaurants, RestaurantEvents events, Clock clock) {
		this.restaurants = restaurants;
		this.events = events;
		this.clock = clock;
	}

	public Restaurant create(String name, Menu menu) {
		var restaurant = restaurants.save(Restaurant.create(name, menu, clock.instant()));
		return announce(restaurant, RestaurantCreated::new);
	}

	@Transactional(readOnly = true)
	public Restaurant find(RestaurantId id) {
		return load(id);
	}

	public Restaurant replaceMenu(RestaurantId id, Menu menu) {
		var restaurant = load(id);
		restaurant.replaceMenu(menu);
		return announce(restaurant, RestaurantMenuRevised::new);
	}

	public Restaurant close(RestaurantId id) {
		var restaurant = load(id);
		restaurant.close();
		return announce(restaurant, RestaurantClosed::new);
	}

	public Restaurant open(RestaurantId id) {
		var restaurant = load(id);
		restaurant.open();
		return announce(restaurant, RestaurantOpened::new);
	}

	private Restaurant announce(Restaurant restaurant, Function<RestaurantSnapshot, RestaurantEvent> event) {
		// flushed first: the version increments at flush, and replicas keep the snapshot with the highest one,
		// so the snapshot must carry the version this change commits with, not the one it was read with
		restaurants.flush();
		events.publish(event.apply(RestaurantSnapshot.of(restaurant)));
		return restaurant;
	}

	private Restaurant load(RestaurantId id) {
		return restaurants.findById(id.value()).orElseThrow(() -> new RestaurantNotFoundException(id));
	}
}
