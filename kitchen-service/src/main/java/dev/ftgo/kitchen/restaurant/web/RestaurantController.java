package dev.ftgo.kitchen.restaurant.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/restaurants")
class RestaurantController {

	private final RestaurantService restaurants;

	RestaurantController(RestaurantService restaurants) {
		this.restaurants = restaurants;
	}

	@PostMapping
	ResponseEntity<RestaurantCreated> create(@Valid @RequestBody CreateRestaurantRequest request) {
		var restaurant = restaurants.create(request.name(), MenuItemJson.toMenu(request.menu()));
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create("/api/v1/restaurants/" + restaurant.id()))
				.body(new RestaurantCreated(restaurant.id().toString()));
	}

	@GetMapping("/{restaurantId}")
	RestaurantResponse get(@PathVariable UUID restaurantId) {
		return RestaurantResponse.of(restaurants.find(new RestaurantId(restaurantId)));
	}

	@PutMapping("/{restaurantId}/menu")
	RestaurantResponse replaceMenu(@PathVariable UUID restaurantId, @Valid @RequestBody ReplaceMenuRequest request) {
		return RestaurantResponse.of(
				restaurants.replaceMenu(new RestaurantId(restaurantId), MenuItemJson.toMenu(request.menu())));
	}

	@PostMapping("/{restaurantId}/close")
	RestaurantResponse close(@PathVariable UUID restaurantId) {
		return RestaurantResponse.of(restaurants.close(new RestaurantId(restaurantId)));
	}

	@PostMapping("/{restaurantId}/open")
	RestaurantResponse open(@PathVariable UUID restaurantId) {
		return RestaurantResponse.of(restaurants.open(new RestaurantId(restaurantId)));
	}
}
