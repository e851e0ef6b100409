package dev.ftgo.kitchen.restaurant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface Restaurants extends Repository<Restaurant, UUID> {

	Restaurant save(Restaurant restaurant);

	Optional<Restaurant> findById(UUID id);

	/** Writes pending changes now; afterwards every changed restaurant carries the version it commits with. */
	void flush();
}
