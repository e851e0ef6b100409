package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ftgo.devstack.Stack;
import dev.ftgo.devstack.TokenIssuer;
import dev.ftgo.testsupport.ApiClient;

/**
 * Small builders for the data every flow needs, created through the gateway like a client would, and the
 * gateway as each kind of caller. Every request carries a token of the role the access rules ask for: an
 * admin creates consumers and restaurants, a consumer places and reads its own orders, kitchen staff move
 * their restaurant's tickets. Tokens are signed with the stack's own key, as {@code ./stack token} would.
 */
final class Fixtures {

	private final int gatewayPort;
	private final TokenIssuer tokens;
	private final ApiClient admin;
	// one client per caller: each holds an HTTP client with its own selector thread
	private final Map<String, ApiClient> callers = new ConcurrentHashMap<>();

	Fixtures(Stack stack) {
		this.gatewayPort = stack.ports().gateway();
		this.tokens = stack.tokens();
		this.admin = signedIn(gatewayPort, tokens.admin());
	}

	/** A client of {@code port} (the gateway or a service's own) that sends {@code token} on every request. */
	static ApiClient signedIn(int port, String token) {
		return new ApiClient(port).withToken(token);
	}

	TokenIssuer tokens() {
		return tokens;
	}

	/** The gateway as an operator (role admin): creates consumers and restaurants, reads everything. */
	ApiClient asAdmin() {
		return admin;
	}

	/** The gateway as the consumer with this id, which is its token's {@code sub}. */
	ApiClient asConsumer(String consumerId) {
		return callers.computeIfAbsent("consumer " + consumerId,
				ignored -> signedIn(gatewayPort, tokens.consumer(UUID.fromString(consumerId))));
	}

	/** The gateway as staff of this restaurant (the token's {@code restaurant_id}). */
	ApiClient asKitchen(String restaurantId) {
		return callers.computeIfAbsent("kitchen " + restaurantId,
				ignored -> signedIn(gatewayPort, tokens.kitchen(UUID.fromString(restaurantId))));
	}

	String consumer(String orderLimit) {
		var response = admin.post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "%s", "currency": "USD"}}""".formatted(orderLimit));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	/** A restaurant serving m1 Curry at 12.50 USD and m2 Naan at 3.00 USD. */
	String restaurant() {
		var response = admin.post("/api/v1/restaurants", """
				{"name": "Ajanta", "menu": [
				  {"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
				  {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("restaurantId").asString();
	}

	/** {@code POST /api/v1/orders} by the consumer the order is for. */
	ApiClient.Response placeOrder(String consumerId, String restaurantId, String lineItemsJson) {
		return placeOrder(asConsumer(consumerId), consumerId, restaurantId, lineItemsJson);
	}

	/** {@code POST /api/v1/orders} by the consumer the order is for, with a new {@code Idempotency-Key}. */
	ApiClient.Response placeKeyedOrder(String consumerId, String restaurantId, String lineItemsJson) {
		return placeKeyedOrder(consumerId, restaurantId, lineItemsJson, UUID.randomUUID().toString());
	}

	/** As {@link #placeKeyedOrder(String, String, String)}, with the given key: the same request sent again. */
	ApiClient.Response placeKeyedOrder(String consumerId, String restaurantId, String lineItemsJson, String key) {
		return asConsumer(consumerId).post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": %s}""".formatted(consumerId, restaurantId,
						lineItemsJson), Map.of("Idempotency-Key", key));
	}

	/** {@code POST /api/v1/orders} by {@code caller}, whatever consumer the body names (even one that is not a UUID). */
	ApiClient.Response placeOrder(ApiClient caller, String consumerId, String restaurantId, String lineItemsJson) {
		return caller.post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": %s}"""
				.formatted(consumerId, restaurantId, lineItemsJson));
	}
}
