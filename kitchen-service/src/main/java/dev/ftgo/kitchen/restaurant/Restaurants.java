package dev.ftgo.kitchen.restaurant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

public interface Restaurants extends Repository<Restaurant, UUID> {

	Restaurant save(Restaurant restaurant);

	Optional<Restaurant> findById(UUID id);
}
