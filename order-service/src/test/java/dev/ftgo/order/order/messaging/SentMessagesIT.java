package dev.ftgo.order.order.messaging;

import static dev.ftgo.order.OutboxLog.sentAbout;
import static dev.ftgo.order.OutboxLog.sentWithKey;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.OutboxLog;
import dev.ftgo.order.OutboxLog.Sent;
import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.ApiClient;

/**
 * What placing and cancelling an order send, read from the database's log: a message is there exactly when
 * the transaction of its business change committed.
 */
class SentMessagesIT extends WithStubbedServices {

	@Test
	void placingAnOrderSendsOrderCreatedAndCreateTicketInItsTransaction() {
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();

		var orderId = placeOrder(consumerId, restaurantId);

		var sent = sentWithKey(orderId);
		assertThat(sent).extracting(Sent::type).containsExactly("OrderCreated", "CreateTicket");
		var created = sent.get(0);
		assertThat(created.destination()).isEqualTo("order.events");
		assertThat(created.schemaVersion()).isEqualTo("1");
		assertThat(created.replyTo()).isNull();
		var payload = created.payload();
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payload.get("consumerId").asString()).isEqualTo(consumerId.toString());
		assertThat(payload.get("restaurantId").asString()).isEqualTo(restaurantId.toString());
		assertThat(payload.at("/lineItems/0/menuItemId").asString()).isEqualTo("m1");
		assertThat(payload.at("/lineItems/0/name").asString()).isEqualTo("Curry");
		assertThat(payload.at("/lineItems/0/quantity").asInt()).isEqualTo(2);
		assertThat(payload.at("/lineItems/0/price/amount").asString()).isEqualTo("12.50");
		assertThat(payload.at("/lineItems/1/price/amount").asString()).isEqualTo("2.25");
		assertThat(payload.at("/orderTotal/amount").asString()).isEqualTo("31.75");
		assertThat(payload.at("/orderTotal/currency").asString()).isEqualTo("USD");

		var createTicket = sent.get(1);
		assertThat(createTicket.destination()).isEqualTo("kitchen.commands");
		assertThat(createTicket.replyTo()).isEqualTo("order.replies");
		assertThat(createTicket.correlationId()).isEqualTo(orderId.toString());
		assertThat(createTicket.schemaVersion()).isEqualTo("1");
		assertThat(createTicket.payload().get("restaurantId").asString()).isEqualTo(restaurantId.toString());
		// since contract 1.1, so that the kitchen can show the consumer its ticket
		assertThat(createTicket.payload().get("consumerId").asString()).isEqualTo(consumerId.toString());
		assertThat(createTicket.payload().get("lineItems")).hasSize(2);
		assertThat(createTicket.payload().at("/lineItems/1/menuItemId").asString()).isEqualTo("m2");
		assertThat(createTicket.payload().at("/lineItems/1/quantity").asInt()).isEqualTo(3);
		assertThat(createTicket.payload().at("/lineItems/1").has("price")).isFalse();
	}

	@Test
	void aRefusedOrderSendsNothing() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 200,
				"{\"approved\": false, \"reason\": \"Consumer is suspended\"}");

		var response = postOrder(consumerId, givenRestaurant());

		assertProblem(response, 422);
		assertThat(OutboxLog.sent()).noneMatch(sent -> consumerId.toString().equals(sent.payload().path("consumerId").asString("")));
	}

	@Test
	void anIdempotentReplaySendsNothingAgain() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();

		var first = postOrder(consumerId, json, key);
		var replay = postOrder(consumerId, json, key);

		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(sentWithKey(first.json().get("orderId").asString())).extracting(Sent::type)
			.containsExactly("OrderCreated", "CreateTicket");
	}

	@Test
	void racingRequestsWithOneKeySendOnlyTheMessagesOfTheOrderThatCommitted() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();

		// all requests get past the lookup of the key before any commits: the losers' transactions roll back
		assertThat(postOrdersAtOnce(consumerId, json, key, 4)).extracting(ApiClient.Response::status).containsOnly(201);

		var created = OutboxLog.sent().stream()
			.filter(sent -> consumerId.toString().equals(sent.payload().path("consumerId").asString("")))
			.toList();
		// both messages of one order carry its consumer; the losers' transactions sent nothing
		assertThat(created).extracting(Sent::type).containsExactly("OrderCreated", "CreateTicket");
		assertThat(sentWithKey(created.get(0).key())).extracting(Sent::type).containsExactly("OrderCreated", "CreateTicket");
	}

	@Test
	void cancellingAsksTheKitchenInTheTransactionOfTheCancellation() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());
		var ticketId = approve(orderId);

		var response = cancel(orderId);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		var requested = sentAbout(orderId, "OrderCancellationRequested");
		assertThat(requested).singleElement().satisfies(sent -> {
			assertThat(sent.destination()).isEqualTo("order.events");
			assertThat(sent.key()).isEqualTo(orderId.toString());
			assertThat(sent.replyTo()).isEqualTo("order.replies");
			assertThat(sent.schemaVersion()).isEqualTo("1");
			assertThat(sent.payload().get("ticketId").asString()).isEqualTo(ticketId.toString());
		});
	}

	@Test
	void aRefusedCancellationSendsNothing() {
		var orderId = placeOrder(UUID.randomUUID(), givenRestaurant());

		assertProblem(cancel(orderId), 409);

		assertThat(sentAbout(orderId, "OrderCancellationRequested")).isEmpty();
	}

	@Test
	void ofRacingCancellationsOnlyTheOneThatCommittedSendsItsRequest() {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		approve(orderId);

		assertThat(cancelAtOnce(consumerId, orderId, 6).stream().filter(status -> status == 202)).hasSize(1);

		assertThat(sentAbout(orderId, "OrderCancellationRequested")).hasSize(1);
	}
}
