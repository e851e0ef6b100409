package dev.ftgo.order.order.messaging;

import static dev.ftgo.order.OutboxLog.sentAbout;
import static dev.ftgo.order.OutboxLog.sentWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.OutboxLog;
import dev.ftgo.order.OutboxLog.Sent;
import dev.ftgo.order.StubService.Reply;
import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.order.order.Orders;
import dev.ftgo.order.order.TicketId;

/**
 * What placing and cancelling an order send, read from the database's log: a message is there exactly when
 * the transaction of its business change committed.
 */
class SentMessagesIT extends WithStubbedServices {

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transaction;

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

		var first = post(consumerId, "/api/v1/orders", json, "Idempotency-Key", key);
		var replay = post(consumerId, "/api/v1/orders", json, "Idempotency-Key", key);

		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(sentWithKey(first.json().get("orderId").asString())).extracting(Sent::type)
			.containsExactly("OrderCreated", "CreateTicket");
	}

	@Test
	void racingRequestsWithOneKeySendOnlyTheMessagesOfTheOrderThatCommitted() {
		var consumerId = UUID.randomUUID();
		var json = orderJson(consumerId, givenRestaurant());
		var key = "order-" + UUID.randomUUID();
		int requests = 4;
		// all requests get past the lookup of the key before any commits: the losers' transactions roll back
		CONSUMERS.on("POST", VALIDATIONS, CONSUMERS.held(Duration.ofSeconds(20), Reply.json(200, "{\"approved\": true}")));
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 0; i < requests; i++) {
				answers.add(CompletableFuture.supplyAsync(
						() -> post(consumerId, "/api/v1/orders", json, "Idempotency-Key", key).status(), pool));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> CONSUMERS.calls("POST", VALIDATIONS) == requests);
			CONSUMERS.releaseHeld();
			assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(201);
		}
		finally {
			pool.shutdownNow();
		}

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
	void ofRacingCancellationsOnlyTheOneThatCommittedSendsItsRequest() throws Exception {
		var consumerId = UUID.randomUUID();
		var orderId = placeOrder(consumerId, givenRestaurant());
		approve(orderId);
		int requests = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(requests);
		try {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 0; i < requests; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return asConsumer(consumerId).post("/api/v1/orders/" + orderId + "/cancel", null).status();
				}, pool));
			}
			start.countDown();
			assertThat(answers.stream().map(CompletableFuture::join).filter(status -> status == 202)).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(sentAbout(orderId, "OrderCancellationRequested")).hasSize(1);
	}

	/** Approves the order directly through the aggregate; what approval sends is another test's business. */
	private TicketId approve(UUID orderId) {
		var ticketId = new TicketId(UUID.randomUUID());
		transaction.executeWithoutResult(status -> orders.findById(orderId).orElseThrow().approve(ticketId));
		return ticketId;
	}
}
