package dev.ftgo.kitchen.restaurant;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The restaurant use cases; each runs in one transaction. */
@Service
@Transactional
public class RestaurantService {

	private final Restaurants restaurants;
	private final Clock clock;

	RestaurantService(Restaurants restaurants, Clock clock) {
		this.restaurants = restaurants;
		this.clock = clock;
	}

	public Restaurant create(String name, Menu menu) {
		return restaurants.save(Restaurant.create(name, menu, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Restaurant find(RestaurantId id) {
		return load(id);
	}

	public Restaurant replaceMenu(RestaurantId id, Menu menu) {
		var restaurant = load(id);
		restaurant.replaceMenu(menu);
		return restaurant;
	}

	public Restaurant close(RestaurantId id) {
		var restaurant = load(id);
		restaurant.close();
		return restaurant;
	}

	public Restaurant open(RestaurantId id) {
		var restaurant = load(id);
		restaurant.open();
		return restaurant;
	}

	private Restaurant load(RestaurantId id) {
		return restaurants.findById(id.value()).orElseThrow(() -> new RestaurantNotFoundException(id));
	}
}
