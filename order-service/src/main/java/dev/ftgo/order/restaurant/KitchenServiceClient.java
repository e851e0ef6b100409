package dev.ftgo.order.restaurant;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import dev.ftgo.order.client.ClientSettings;
import dev.ftgo.order.client.LoadBalancedClients;
import dev.ftgo.order.client.ResilientCalls;
import dev.ftgo.order.client.ServiceUnavailableException;
import dev.ftgo.order.client.UnexpectedAnswerException;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Restaurant;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.security.BearerTokenRelay;

/**
 * Reads a restaurant and its menu from kitchen-service ({@code GET /api/v1/restaurants/{id}}); a GET,
 * so transient failures are retried. A tolerant reader: unknown fields are ignored, a missing
 * {@code open} means open and a missing menu means an empty one.
 */
@Component
class KitchenServiceClient {

	static final String SERVICE = "kitchen-service";

	/** The part of kitchen-service's API that order-service calls. */
	@HttpExchange("/api/v1/restaurants")
	interface RestaurantApi {

		@GetExchange("/{restaurantId}")
		RestaurantJson restaurant(@PathVariable UUID restaurantId);
	}

	private final RestaurantApi api;
	private final ResilientCalls calls;

	KitchenServiceClient(@LoadBalanced RestClient.Builder loadBalanced, ClientSettings settings, ResilientCalls calls,
			BearerTokenRelay relay) {
		this.api = LoadBalancedClients.service(RestaurantApi.class, loadBalanced, settings.kitchenService(), relay);
		this.calls = calls;
	}

	/**
	 * The restaurant, or empty when kitchen-service does not know it.
	 *
	 * @throws ServiceUnavailableException when kitchen-service cannot answer now
	 */
	Optional<Restaurant> find(RestaurantId id) {
		RestaurantJson json;
		try {
			json = calls.idempotent(SERVICE, () -> api.restaurant(id.value()));
		}
		catch (HttpClientErrorException.NotFound unknown) {
			return Optional.empty();
		}
		catch (HttpClientErrorException other) {
			throw new UnexpectedAnswerException(SERVICE, "status " + other.getStatusCode().value(), other);
		}
		return Optional.of(toRestaurant(id, json));
	}

	private static Restaurant toRestaurant(RestaurantId id, RestaurantJson json) {
		if (json == null) {
			throw new UnexpectedAnswerException(SERVICE, "an empty restaurant", null);
		}
		try {
			var menu = json.menu() == null ? List.<Restaurant.MenuItem>of()
					: json.menu().stream().map(KitchenServiceClient::toMenuItem).toList();
			return new Restaurant(id, json.name(), json.open() == null || json.open(), menu);
		}
		catch (RuntimeException malformed) {
			// e.g. a negative price or a missing id: kitchen-service broke its contract, not our caller
			throw new UnexpectedAnswerException(SERVICE, "a malformed restaurant: " + malformed.getMessage(), malformed);
		}
	}

	private static Restaurant.MenuItem toMenuItem(MenuItemJson item) {
		var price = new Money(new BigDecimal(item.price().amount()), Currency.getInstance(item.price().currency()));
		return new Restaurant.MenuItem(new MenuItemId(item.menuItemId()), item.name(), price);
	}

	record RestaurantJson(String restaurantId, String name, Boolean open, List<MenuItemJson> menu) {
	}

	record MenuItemJson(String menuItemId, String name, MoneyJson price) {
	}

	record MoneyJson(String amount, String currency) {
	}
}
