package dev.ftgo.order.order.web;

import static dev.ftgo.order.order.web.OrderProblems.assertInvalid;
import static dev.ftgo.order.order.web.OrderProblems.assertRefused;
import static dev.ftgo.order.order.web.OrderProblems.fields;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.WithStubbedServices;

/**
 * {@code /api/v2/orders} beside v1, in the application context of the {@code OrderApi*IT}s: the same orders in two
 * representations, whichever version placed them.
 */
class OrderV2ApiIT extends WithStubbedServices {

	private String placeV2(UUID consumerId, UUID restaurantId) {
		var response = asConsumer(consumerId).post("/api/v2/orders", v2OrderJson(consumerId, restaurantId));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("orderId").asString();
	}

	/** A restaurant that prices in yen: Ramen at 1500 JPY and Gyoza at {@code gyozaPrice}. */
	private static UUID givenRamenShop(String gyozaPrice) {
		return givenMenu("Ramen-ya", """
				[{"menuItemId": "r1", "name": "Ramen", "price": {"amount": "1500", "currency": "JPY"}},
				 {"menuItemId": "r2", "name": "Gyoza", "price": {"amount": "%s", "currency": "JPY"}}]""".formatted(gyozaPrice));
	}

	@Test
	void placesThroughV2AndReadsTheSameOrderThroughBothVersions() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();

		var created = asConsumer(consumerId).post("/api/v2/orders", v2OrderJson(consumerId, restaurantId));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var orderId = created.json().get("orderId").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v2/orders/" + orderId);
		assertThat(created.json().get("status").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(created.json().has("state")).isFalse();
		// consumer-service is asked about the same total, whichever version placed the order
		assertThat(CONSUMERS.received().get(0).body()).contains("\"amount\":\"31.75\"");

		var v2 = asConsumer(consumerId).get("/api/v2/orders/" + orderId).json();
		var v1 = asConsumer(consumerId).get("/api/v1/orders/" + orderId).json();

		assertThat(v2.get("status").asString()).isEqualTo(v1.get("state").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(v2.at("/items/0/price/amountMinor").asLong()).isEqualTo(1250);
		assertThat(v1.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
		assertThat(v2.at("/items/1/price/amountMinor").asLong()).isEqualTo(225);
		assertThat(v1.at("/lineItems/1/price/amount").asString()).isEqualTo("2.25");
		assertThat(v2.at("/orderTotal/amountMinor").asLong()).isEqualTo(3175);
		assertThat(v1.at("/orderTotal/amount").asString()).isEqualTo("31.75");
		assertThat(v2.at("/orderTotal/currency").asString()).isEqualTo(v1.at("/orderTotal/currency").asString())
			.isEqualTo("USD");
		for (var field : new String[] { "orderId", "consumerId", "restaurantId", "deliveryAddress", "ticketId",
				"rejectionReason", "createdAt", "version" }) {
			assertThat(v2.get(field)).as(field).isEqualTo(v1.get(field));
		}
		assertThat(v2.at("/items/0/name").asString()).isEqualTo(v1.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(v2.has("state") || v2.has("lineItems")).isFalse();
	}

	@Test
	void readsAnOrderPlacedThroughV1() {
		var orderId = placeOrder(me, givenRestaurant());

		var v2 = asMe().get("/api/v2/orders/" + orderId).json();

		assertThat(v2.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(v2.get("status").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(v2.get("items")).hasSize(2);
		assertThat(v2.at("/items/0/quantity").asInt()).isEqualTo(2);
		assertThat(v2.at("/orderTotal/amountMinor").asLong()).isEqualTo(3175);
	}

	@Test
	void countsYenInYen() {
		var restaurantId = givenRamenShop("480");
		var orderId = asMe().post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s",
				 "items": [{"menuItemId": "r1", "quantity": 2}, {"menuItemId": "r2", "quantity": 1}]}"""
			.formatted(me, restaurantId)).json().get("orderId").asString();

		var v2 = asMe().get("/api/v2/orders/" + orderId).json();
		var v1 = asMe().get("/api/v1/orders/" + orderId).json();

		assertThat(v2.at("/items/0/price/amountMinor").asLong()).isEqualTo(1500);
		assertThat(v2.at("/orderTotal/amountMinor").asLong()).isEqualTo(3480);
		assertThat(v2.at("/orderTotal/currency").asString()).isEqualTo("JPY");
		// v1 keeps its promise of two decimals, whatever the currency
		assertThat(v1.at("/lineItems/0/price/amount").asString()).isEqualTo("1500.00");
		assertThat(v1.at("/orderTotal/amount").asString()).isEqualTo("3480.00");
	}

	/**
	 * 12.50 JPY has no count of yen: v2 could not show such an order without rounding its price, so it is not
	 * placed, in either version, before anything is stored or anyone asked.
	 */
	@Test
	void refusesAMenuPriceItsCurrencyCannotRepresent() {
		var restaurantId = givenRamenShop("12.50");
		var order = """
				{"consumerId": "%s", "restaurantId": "%s",
				 "%s": [{"menuItemId": "r1", "quantity": 1}, {"menuItemId": "r2", "quantity": 2}]}""";

		var v2 = asMe().post("/api/v2/orders", order.formatted(me, restaurantId, "items"));
		var v1 = asMe().post("/api/v1/orders", order.formatted(me, restaurantId, "lineItems"));

		assertRefused(v2, "PRICE_NOT_REPRESENTABLE", "items[1].menuItemId");
		assertThat(v2.json().get("detail").asString()).contains("'r2'", "12.50 JPY", "cannot be represented");
		assertRefused(v1, "PRICE_NOT_REPRESENTABLE", "lineItems[1].menuItemId");
		assertThat(CONSUMERS.received()).isEmpty();
		assertThat(asMe().get("/api/v2/orders?consumerId=" + me).json().get("totalElements").asLong()).isZero();
	}

	@Test
	void namesEveryInvalidFieldByItsV2Name() {
		var response = asMe().post("/api/v2/orders", """
				{"items": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(response, "consumerId,deliveryAddress,items[0].menuItemId,items[0].quantity,items[1],restaurantId");
	}

	@Test
	void refusesAV1BodyAndMalformedOnes() {
		var v1Body = asMe().post("/api/v2/orders", orderJson(me, givenRestaurant()));
		var fractionalQuantity = asMe().post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "items": [{"menuItemId": "m1", "quantity": 2.5}]}"""
			.formatted(me, UUID.randomUUID()));

		assertInvalid(v1Body, "items");
		assertInvalid(fractionalQuantity, "items[0].quantity");
		assertProblem(asMe().post("/api/v2/orders", "not json"), 400);
		assertProblem(asMe().post("/api/v2/orders", "consumerId=1", "text/plain"), 415);
	}

	@Test
	void namesTheRefusedItemByItsV2Name() {
		var restaurantId = givenRestaurant();
		var unknownItem = asMe().post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s",
				 "items": [{"menuItemId": "m1", "quantity": 1}, {"menuItemId": "m9", "quantity": 1}]}"""
			.formatted(me, restaurantId));
		var zero = asMe().post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "items": [{"menuItemId": "m1", "quantity": 0}]}"""
			.formatted(me, restaurantId));

		assertRefused(unknownItem, "UNKNOWN_MENU_ITEM", "items[1].menuItemId");
		assertProblem(zero, 422);
		assertThat(fields(zero)).isEqualTo("items[0].quantity");
		assertProblem(asMe().post("/api/v2/orders", v2OrderJson(me, UUID.randomUUID())), 422);
	}

	@Test
	void ignoresUnknownFieldsAndDefaultsMissingOptionalOnes() {
		var response = asMe().post("/api/v2/orders", """
				{"consumerId": "%s", "restaurantId": "%s", "tip": {"amountMinor": 500, "currency": "USD"},
				 "items": [{"menuItemId": "m1", "quantity": 1, "spicy": true}]}"""
			.formatted(me, givenRestaurant()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var order = asMe().get("/api/v2/orders/" + response.json().get("orderId").asString()).json();
		assertThat(order.has("deliveryAddress")).isTrue();
		assertThat(order.get("deliveryAddress").isNull()).isTrue();
		assertThat(order.get("items")).hasSize(1);
	}

	@Test
	void listsAConsumersOrdersFromBothVersionsInPages() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var placed = new ArrayList<String>();
		placed.add(placeOrder(consumerId, restaurantId).toString());
		placed.add(placeV2(consumerId, restaurantId));
		placed.add(placeV2(consumerId, restaurantId));

		var first = asConsumer(consumerId).get("/api/v2/orders?consumerId=" + consumerId + "&page=0&size=2").json();
		var second = asConsumer(consumerId).get("/api/v2/orders?consumerId=" + consumerId + "&page=1&size=2").json();

		assertThat(first.propertyNames()).containsExactlyInAnyOrder("content", "page", "size", "totalElements",
				"totalPages");
		assertThat(first.get("totalElements").asLong()).isEqualTo(3);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(first.get("content").valueStream().map(o -> o.get("orderId").asString()))
			.containsExactly(placed.get(2), placed.get(1));
		assertThat(first.at("/content/0/items/0/price/amountMinor").asLong()).isEqualTo(1250);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("content").valueStream().map(o -> o.get("orderId").asString()))
			.containsExactly(placed.get(0));
		assertProblem(asConsumer(consumerId).get("/api/v2/orders?consumerId=" + consumerId + "&size=0"), 400);
		assertThat(asConsumer(consumerId).get("/api/v2/orders?consumerId=" + consumerId + "&size=500").json().get("size").asInt())
			.isEqualTo(100);
	}

	@Test
	void cancelsAnApprovedOrderOnce() {
		var orderId = placeV2(me, givenRestaurant());
		assertProblem(asMe().post("/api/v2/orders/" + orderId + "/cancel", null), 409);
		approve(UUID.fromString(orderId));

		var response = asMe().post("/api/v2/orders/" + orderId + "/cancel", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("CANCEL_PENDING");
		assertThat(response.json().get("ticketId").isNull()).isFalse();
		assertThat(asMe().get("/api/v1/orders/" + orderId).json().get("state").asString()).isEqualTo("CANCEL_PENDING");
		assertProblem(asMe().post("/api/v2/orders/" + orderId + "/cancel", null), 409);
	}

	@Test
	void answersUnknownAndMalformedOrderIds() {
		assertProblem(asAdmin().get("/api/v2/orders/" + UUID.randomUUID()), 404);
		assertProblem(asMe().post("/api/v2/orders/" + UUID.randomUUID() + "/cancel", null), 404);
		assertProblem(asAdmin().get("/api/v2/orders/not-a-uuid"), 400);
	}
}
