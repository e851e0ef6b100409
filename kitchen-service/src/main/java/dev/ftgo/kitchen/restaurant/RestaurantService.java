package dev.ftgo.kitchen.restaurant;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The restaurant use cases; each runs in one transaction, which also sends the event of the change it made. */
@Service
@Transactional
public class RestaurantService {

	private final Restaurants restaurants;
	private final RestaurantMessages messages;
	private final Clock clock;

	RestaurantService(Restaurants restaurants, RestaurantMessages messages, Clock clock) {
		this.restaurants = restaurants;
		this.messages = messages;
		this.clock = clock;
	}

	public Restaurant create(String name, Menu menu) {
		var restaurant = restaurants.save(Restaurant.create(name, menu, clock.instant()));
		return sent(restaurant);
	}

	@Transactional(readOnly = true)
	public Restaurant find(RestaurantId id) {
		return load(id);
	}

	public Restaurant replaceMenu(RestaurantId id, Menu menu) {
		var restaurant = load(id);
		restaurant.replaceMenu(menu);
		return sent(restaurant);
	}

	public Restaurant close(RestaurantId id) {
		var restaurant = load(id);
		restaurant.close();
		return sent(restaurant);
	}

	public Restaurant open(RestaurantId id) {
		var restaurant = load(id);
		restaurant.open();
		return sent(restaurant);
	}

	private Restaurant sent(Restaurant restaurant) {
		// flushed first: the version increments at flush, and replicas keep the snapshot with the highest one,
		// so the snapshot must carry the version this change commits with, not the one it was read with
		restaurants.flush();
		messages.send(restaurant.releaseMessages());
		return restaurant;
	}

	private Restaurant load(RestaurantId id) {
		return restaurants.findById(id.value()).orElseThrow(() -> new RestaurantNotFoundException(id));
	}
}
