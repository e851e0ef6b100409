package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import dev.ftgo.messaging.RetentionPurge;
import dev.ftgo.order.WithStubbedServices;

class IdempotencyIT extends WithStubbedServices {

	@Autowired
	@Qualifier("idempotencyKeyPurge")
	private RetentionPurge idempotencyKeyPurge;

	/** A key as a client makes one: new for each order it means to place. */
	private final String key = "order-" + UUID.randomUUID();

	private int ordersOf(UUID consumerId) {
		return jdbc.queryForObject("SELECT count(*) FROM orders WHERE consumer_id = ?", Integer.class, consumerId);
	}

	/** Sends {@code key} again with another order than it was used for: refused, and still one order placed. */
	private void assertRefusedForADifferentOrder(UUID consumerId, UUID restaurantId) {
		var response = postOrder(consumerId,
				orderJson(consumerId, restaurantId).replace("\"quantity\": 2", "\"quantity\": 5"), key);

		assertProblem(response, 422);
		assertThat(response.json().get("detail").asString()).contains("different request");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
	}

	@Test
	void sameKeyAndBodyReturnTheSameOrderWithoutPlacingAnother() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());

		var first = postOrder(consumerId, json, key);
		var second = postOrder(consumerId, json, key);

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
		var kept = "order-" + UUID.randomUUID();
		var first = postOrder(consumerId, json, key);
		postOrder(consumerId, json, kept);
		jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE consumer_id = ? AND key = ?",
				consumerId, key);

		idempotencyKeyPurge.purge();
		var again = postOrder(consumerId, json, key);

		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.json().get("orderId").asString()).isNotEqualTo(first.json().get("orderId").asString());
		assertThat(postOrder(consumerId, json, kept).header("Idempotent-Replayed")).as("a key within its retention")
			.isEqualTo("true");
		assertThat(ordersOf(consumerId)).isEqualTo(3);
	}

	@Test
	void theKeyIsStoredWithTheOrderSoItOutlivesARestart() {
		var consumerId = UUID.randomUUID();

		var orderId = postOrder(consumerId, orderJson(consumerId, givenRestaurant()), key).json().get("orderId").asString();

		var stored = jdbc.queryForObject("SELECT order_id FROM idempotency_key WHERE consumer_id = ? AND key = ?",
				UUID.class, consumerId, key);
		assertThat(stored).hasToString(orderId);
	}

	@Test
	void sameKeyWithADifferentBodyIsRefused() {
		var restaurantId = givenRestaurant();
		var consumerId = UUID.randomUUID();
		assertThat(postOrder(consumerId, orderJson(consumerId, restaurantId), key).status()).isEqualTo(201);

		assertRefusedForADifferentOrder(consumerId, restaurantId);
	}

	@Test
	void sameMeaningInADifferentLayoutIsTheSameRequest() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var first = postOrder(consumerId, orderJson(consumerId, restaurantId), key);

		var reordered = postOrder(consumerId, """
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
		var v1 = postOrder(consumerId, orderJson(consumerId, restaurantId), key);

		var v2 = post(consumerId, "/api/v2/orders", v2OrderJson(consumerId, restaurantId), "Idempotency-Key", key);

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
		var v2Json = v2OrderJson(consumerId, restaurantId);
		assertThat(post(consumerId, "/api/v2/orders", v2Json, "Idempotency-Key", key).status()).isEqualTo(201);

		assertRefusedForADifferentOrder(consumerId, restaurantId);
	}

	/**
	 * Keys are chosen by clients, which know nothing of each other: two consumers who happen to pick the same key
	 * each get their own order, and each one's retry still finds its own.
	 */
	@Test
	void twoConsumersUsingOneKeyEachPlaceTheirOwnOrder() {
		var restaurantId = givenRestaurant();
		var alice = UUID.randomUUID();
		var bob = UUID.randomUUID();

		var alices = postOrder(alice, orderJson(alice, restaurantId), key);
		var bobs = postOrder(bob, orderJson(bob, restaurantId), key);
		var alicesRetry = postOrder(alice, orderJson(alice, restaurantId), key);
		var bobsRetry = postOrder(bob, orderJson(bob, restaurantId), key);

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
		var json = orderJson(consumerId, restaurantId);
		var orderId = postOrder(consumerId, json, key).json().get("orderId").asString();
		var another = UUID.randomUUID();

		var sameBody = postOrder(another, json, key);
		var ownBody = postOrder(another, orderJson(another, restaurantId), key);

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
		assertProblem(postOrder(consumerId, orderJson(consumerId, restaurantId), key), 422); // restaurant unknown yet

		givenRestaurant(restaurantId, true);
		var retried = postOrder(consumerId, orderJson(consumerId, restaurantId), key);

		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());

		var responses = postOrdersAtOnce(consumerId, json, key, 5);

		assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
		assertThat(responses).extracting(response -> response.json().get("orderId").asString()).containsOnly(
				responses.get(0).json().get("orderId").asString());
		assertThat(responses).extracting(response -> response.header("Idempotent-Replayed"))
			.containsOnlyOnce("false");
		assertThat(ordersOf(consumerId)).isEqualTo(1);
	}

	@Test
	void refusesMalformedKeys() {
		var json = orderJson(me, givenRestaurant());

		var tooLong = postOrder(me, json, "k".repeat(129));
		var control = postOrder(me, json, "a\tb");

		assertProblem(tooLong, 400);
		assertThat(tooLong.json().get("detail").asString()).contains("Idempotency-Key");
		assertProblem(control, 400);
		assertThat(postOrder(me, json, "k".repeat(128)).status()).isEqualTo(201);
	}
}
