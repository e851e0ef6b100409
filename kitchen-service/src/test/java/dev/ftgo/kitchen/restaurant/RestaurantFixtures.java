package dev.ftgo.kitchen.restaurant;

import java.time.Instant;

/**
 * Restaurants and the domain's exceptions as the application service hands them out, for tests outside
 * this package (the web slice tests mock the application service).
 */
public final class RestaurantFixtures {

	public static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private RestaurantFixtures() {
	}

	/** Ajanta, open, with curry at 12.50 USD and naan at 3.00 USD. */
	public static Restaurant ajanta() {
		return Restaurant.create("Ajanta", Menu.of(new MenuItem("m1", "Curry", Money.of("12.50", "USD")),
				new MenuItem("m2", "Naan", Money.of("3.00", "USD"))), NOW);
	}

	public static Restaurant closed(Restaurant restaurant) {
		restaurant.close();
		return restaurant;
	}

	public static RestaurantNotFoundException notFound(RestaurantId id) {
		return new RestaurantNotFoundException(id);
	}

	public static IllegalRestaurantStateException illegalTransition(String message) {
		return new IllegalRestaurantStateException(message);
	}
}
