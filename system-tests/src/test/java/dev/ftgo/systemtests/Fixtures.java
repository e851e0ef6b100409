package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftgo.testsupport.ApiClient;

/** Small builders for the data every flow needs, created through the gateway like a client would. */
final class Fixtures {

	private final ApiClient gateway;

	Fixtures(ApiClient gateway) {
		this.gateway = gateway;
	}

	String consumer(String orderLimit) {
		var response = gateway.post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "%s", "currency": "USD"}}""".formatted(orderLimit));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	/** A restaurant serving m1 Curry at 12.50 USD and m2 Naan at 3.00 USD. */
	String restaurant() {
		var response = gateway.post("/api/v1/restaurants", """
				{"name": "Ajanta", "menu": [
				  {"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
				  {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("restaurantId").asString();
	}

	ApiClient.Response placeOrder(String consumerId, String restaurantId, String lineItemsJson) {
		return gateway.post("/api/v1/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": %s}"""
				.formatted(consumerId, restaurantId, lineItemsJson));
	}
}
