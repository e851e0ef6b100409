package dev.ftgo.order.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import dev.ftgo.messaging.RetentionPurge;
import dev.ftgo.order.StubService.Reply;
import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;

class IdempotencyIT extends WithStubbedServices {

	@Autowired
	@Qualifier("idempotencyKeyPurge")
	private RetentionPurge idempotencyKeyPurge;

	/** The consumer a test places orders for, unless it needs one of its own. */
	private final UUID me = UUID.randomUUID();

	private ApiClient.Response place(UUID consumerId, String json, String key) {
		return post(consumerId, "/api/v1/orders", json, "Idempotency-Key", key);
	}

	private int ordersOf(UUID consumerId) {
		return jdbc.queryForObject("SELECT count(*) FROM orders WHERE consumer_id = ?", Integer.class, consumerId);
	}

	@Test
	void sameKeyAndBodyReturnTheSameOrderWithoutPlacingAnother() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();

		var first = place(consumerId, json, key);
		var second = place(consumerId, json, key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.raw().body()).isEqualTo(first.raw().body());
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
		// the replay is answered from the database, without asking the other services again
		assertThat(CONSUMERS.calls("POST", VALIDATIONS)).isEqualTo(1);
	}

	@Test
	void aKeyIsForgottenOnceItsRetentionHasPassed() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();
		var kept = "order-" + UUID.randomUUID();
		var first = place(consumerId, json, key);
		place(consumerId, json, kept);
		jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE consumer_id = ? AND key = ?",
				consumerId, key);

		idempotencyKeyPurge.purge();
		var again = place(consumerId, json, key);

		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.json().get("orderId").asString()).isNotEqualTo(first.json().get("orderId").asString());
		assertThat(place(consumerId, json, kept).header("Idempotent-Replayed")).as("a key within its retention")
			.isEqualTo("true");
		assertThat(ordersOf(consumerId)).isEqualTo(3);
	}

	@Test
	void theKeyIsStoredWithTheOrderSoItOutlivesARestart() {
		var consumerId = UUID.randomUUID();
		var key = "order-" + UUID.randomUUID();

		var orderId = place(consumerId, orderJson(consumerId, givenRestaurant()), key).json().get("orderId").asString();

		var stored = jdbc.queryForObject("SELECT order_id FROM idempotency_key WHERE consumer_id = ? AND key = ?",
				UUID.class, consumerId, key);
		assertThat(stored).hasToString(orderId);
	}

	@Test
	void sameKeyWithADifferentBodyIsRefused() {
		var restaurantId = givenRestaurant();
		var consumerId = UUID.randomUUID();
		var key = "order-" + UUID.randomUUID();
		assertThat(place(consumerId, orderJson(consumerId, restaurantId), key).status()).isEqualTo(201);

		var response = place(consumerId,
				orderJson(consumerId, restaurantId).replace("\"quantity\": 2", "\"quantity\": 5"), key);

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("different request");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
	}

	@Test
	void sameMeaningInADifferentLayoutIsTheSameRequest() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var key = "order-" + UUID.randomUUID();
		var first = place(consumerId, orderJson(consumerId, restaurantId), key);

		var reordered = place(consumerId, """
				{"deliveryAddress": "1 Main St", "lineItems": [{"quantity": 2, "menuItemId": "m1"},
				 {"menuItemId": "m2", "quantity": 3}], "restaurantId": "%s", "consumerId": "%s"}"""
			.formatted(restaurantId, consumerId), key);

		assertThat(reordered.status()).isEqualTo(201);
		assertThat(reordered.json().get("orderId").asString()).isEqualTo(first.json().get("orderId").asString());
	}

	/**
	 * The key is remembered with the command, not with the JSON: the same order in v1's and in v2's words is the same
	 * request, and each version answers a replay in its own representation.
	 */
	@Test
	void aKeyNamesOneOrderInEveryApiVersion() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var key = "order-" + UUID.randomUUID();
		var v1 = place(consumerId, orderJson(consumerId, restaurantId), key);

		var v2 = post(consumerId, "/api/v2/orders",
				orderJson(consumerId, restaurantId).replace("\"lineItems\"", "\"items\""), "Idempotency-Key", key);

		assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
		var orderId = v1.json().get("orderId").asString();
		assertThat(v2.json().get("orderId").asString()).isEqualTo(orderId);
		assertThat(v2.json().get("status").asString()).isEqualTo("APPROVAL_PENDING");
		assertThat(v2.header("Location")).isEqualTo("/api/v2/orders/" + orderId);
		assertThat(v2.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
	}

	@Test
	void aKeyUsedInV2ForADifferentOrderIsRefusedInV1() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var key = "order-" + UUID.randomUUID();
		var v2Json = orderJson(consumerId, restaurantId).replace("\"lineItems\"", "\"items\"");
		assertThat(post(consumerId, "/api/v2/orders", v2Json, "Idempotency-Key", key).status()).isEqualTo(201);

		var response = place(consumerId,
				orderJson(consumerId, restaurantId).replace("\"quantity\": 2", "\"quantity\": 5"), key);

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("different request");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
	}

	/**
	 * Keys are chosen by clients, which know nothing of each other: two consumers who happen to pick the same key
	 * each get their own order, and each one's retry still finds its own.
	 */
	@Test
	void twoConsumersUsingOneKeyEachPlaceTheirOwnOrder() {
		var restaurantId = givenRestaurant();
		var key = "order-" + UUID.randomUUID();
		var alice = UUID.randomUUID();
		var bob = UUID.randomUUID();

		var alices = place(alice, orderJson(alice, restaurantId), key);
		var bobs = place(bob, orderJson(bob, restaurantId), key);
		var alicesRetry = place(alice, orderJson(alice, restaurantId), key);
		var bobsRetry = place(bob, orderJson(bob, restaurantId), key);

		assertThat(List.of(alices, bobs, alicesRetry, bobsRetry))
			.allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
		var alicesOrder = alices.json().get("orderId").asString();
		var bobsOrder = bobs.json().get("orderId").asString();
		assertThat(bobsOrder).isNotEqualTo(alicesOrder);
		assertThat(bobs.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(alicesRetry.json().get("orderId").asString()).isEqualTo(alicesOrder);
		assertThat(bobsRetry.json().get("orderId").asString()).isEqualTo(bobsOrder);
		assertThat(bobsRetry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(ordersOf(alice)).isEqualTo(1);
		assertThat(ordersOf(bob)).isEqualTo(1);
	}

	/**
	 * A key is no ticket to somebody else's order, and no probe for somebody else's keys: another consumer who sends
	 * the same key with the first consumer's body is refused for the body alone (403), and with its own body places
	 * its own order as if the key were new, learning neither the other order's id nor that the key was taken.
	 */
	@Test
	void anotherConsumerReusingAKeyIsNotRefusedAndSeesNothingOfTheFirstOrder() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var key = "order-" + UUID.randomUUID();
		var json = orderJson(consumerId, restaurantId);
		var orderId = place(consumerId, json, key).json().get("orderId").asString();
		var another = UUID.randomUUID();

		var sameBody = place(another, json, key);
		var ownBody = place(another, orderJson(another, restaurantId), key);

		assertProblem(sameBody, 403);
		assertThat(sameBody.header("Location")).isNull();
		assertThat(ownBody.status()).as(ownBody.toString()).isEqualTo(201);
		assertThat(ownBody.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(ownBody.json().get("orderId").asString()).isNotEqualTo(orderId);
		assertThat(sameBody.raw().body() + ownBody.raw().body() + ownBody.header("Location")).doesNotContain(orderId);
		assertThat(ordersOf(consumerId)).isEqualTo(1);
		assertThat(ordersOf(another)).isEqualTo(1);
	}

	@Test
	void refusedRequestsDoNotUseUpTheKey() {
		var consumerId = UUID.randomUUID();
		var restaurantId = UUID.randomUUID();
		var key = "order-" + UUID.randomUUID();
		assertProblem(place(consumerId, orderJson(consumerId, restaurantId), key), 422); // restaurant unknown yet

		givenRestaurantWithId(restaurantId);
		var retried = place(consumerId, orderJson(consumerId, restaurantId), key);

		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();
		int requests = 5;
		// hold every validation until all requests are past the lookup of the key: a real race
		CONSUMERS.on("POST", VALIDATIONS, CONSUMERS.held(Duration.ofSeconds(20), Reply.json(200, "{\"approved\": true}")));
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var answers = new ArrayList<CompletableFuture<ApiClient.Response>>();
			for (int i = 0; i < requests; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> place(consumerId, json, key), pool));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> CONSUMERS.calls("POST", VALIDATIONS) == requests);
			CONSUMERS.releaseHeld();

			var responses = answers.stream().map(CompletableFuture::join).toList();

			assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
			assertThat(responses).extracting(response -> response.json().get("orderId").asString()).containsOnly(
					responses.get(0).json().get("orderId").asString());
			assertThat(responses).extracting(response -> response.header("Idempotent-Replayed"))
				.containsOnlyOnce("false");
			assertThat(ordersOf(consumerId)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesMalformedKeys() {
		var json = orderJson(me, givenRestaurant());

		var tooLong = place(me, json, "k".repeat(129));
		var control = place(me, json, "a\tb");

		assertProblem(tooLong, 400);
		assertThat(tooLong.json().get("detail").asString()).contains("Idempotency-Key");
		assertProblem(control, 400);
		assertThat(place(me, json, "k".repeat(128)).status()).isEqualTo(201);
	}

	private static void givenRestaurantWithId(UUID restaurantId) {
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, 200, """
				{"restaurantId": "%s", "name": "Late Opener", "open": true,
				 "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
				          {"menuItemId": "m2", "name": "Naan", "price": {"amount": "2.25", "currency": "USD"}}]}"""
			.formatted(restaurantId));
	}
}
