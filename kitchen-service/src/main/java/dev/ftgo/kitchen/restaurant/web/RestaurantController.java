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
import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Restaurants and their menus. Admins create them; everyone signed in reads them (menus are for everyone); the
 * restaurant's own kitchen staff, or an admin, change them. The path alone shows whose restaurant it is, so a
 * caller who may not change it gets 403 before anything is loaded.
 */
@RestController
@RequestMapping("/api/v1/restaurants")
@Tag(name = "Restaurants v1", description = "Restaurants with their menus; money as {\"amount\": \"12.50\", \"currency\": \"USD\"}.")
class RestaurantController {

	private static final String OWNERS = "Admins, and the kitchen staff of this restaurant (403 for anyone else).";

	private final RestaurantService restaurants;

	RestaurantController(RestaurantService restaurants) {
		this.restaurants = restaurants;
	}

	@PostMapping
	@Operation(operationId = "createRestaurant", summary = "Create a restaurant, open, with its menu",
			description = "Admins only (403 for anyone else).")
	@ApiResponse(responseCode = "201", description = "Created; Location is its path.", useReturnTypeSchema = true)
	ResponseEntity<RestaurantCreated> create(@Valid @RequestBody CreateRestaurantRequest request, Caller caller) {
		caller.requireAdmin();
		var restaurant = restaurants.create(request.name(), MenuItemJson.toMenu(request.menu()));
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create("/api/v1/restaurants/" + restaurant.id()))
				.body(new RestaurantCreated(restaurant.id().toString()));
	}

	@GetMapping("/{restaurantId}")
	@Operation(operationId = "getRestaurant", summary = "Read a restaurant and its menu",
			description = "Any signed-in admin, consumer or kitchen staff.")
	RestaurantResponse get(@PathVariable UUID restaurantId, Caller caller) {
		caller.requireAnyRole(Role.values());
		return RestaurantResponse.of(restaurants.find(new RestaurantId(restaurantId)));
	}

	@PutMapping("/{restaurantId}/menu")
	@Operation(operationId = "replaceMenu", summary = "Replace the menu", description = OWNERS)
	RestaurantResponse replaceMenu(@PathVariable UUID restaurantId, @Valid @RequestBody ReplaceMenuRequest request,
			Caller caller) {
		caller.requireAdminOrWorksAt(restaurantId);
		return RestaurantResponse.of(
				restaurants.replaceMenu(new RestaurantId(restaurantId), MenuItemJson.toMenu(request.menu())));
	}

	@PostMapping("/{restaurantId}/close")
	@Operation(operationId = "closeRestaurant", summary = "Close the restaurant: it takes no new orders",
			description = OWNERS)
	RestaurantResponse close(@PathVariable UUID restaurantId, Caller caller) {
		caller.requireAdminOrWorksAt(restaurantId);
		return RestaurantResponse.of(restaurants.close(new RestaurantId(restaurantId)));
	}

	@PostMapping("/{restaurantId}/open")
	@Operation(operationId = "openRestaurant", summary = "Open the restaurant again", description = OWNERS)
	RestaurantResponse open(@PathVariable UUID restaurantId, Caller caller) {
		caller.requireAdminOrWorksAt(restaurantId);
		return RestaurantResponse.of(restaurants.open(new RestaurantId(restaurantId)));
	}
}
