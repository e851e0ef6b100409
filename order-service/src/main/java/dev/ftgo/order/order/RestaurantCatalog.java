package dev.ftgo.order.order;

import java.util.Optional;

/**
 * Where restaurants and their menus come from (kitchen-service). An implementation that cannot get
 * an answer now throws an unchecked exception of its own; it never answers "unknown" for "don't know".
 */
public interface RestaurantCatalog {

	/** The restaurant as it is now, or empty when there is no such restaurant. */
	Optional<Restaurant> find(RestaurantId id);
}
