package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ftgo.order.StubService.Reply;
import dev.ftgo.order.order.Orders;
import dev.ftgo.order.order.TicketId;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * The whole service on a real embedded PostgreSQL and a real Kafka broker, with consumer-service and
 * kitchen-service replaced by {@link StubService}s that the simple discovery client resolves, so every
 * call goes through the {@code @LoadBalanced} client exactly as it would through Eureka. What the service
 * sends is read from the database's log ({@link OutboxLog}); what it receives is published by the tests
 * ({@link Relay}). Subclasses share one application context unless they add properties of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WithStubbedServices {

	public static final String VALIDATIONS = "/api/v1/consumers/[^/]+/order-validations";
	public static final String RESTAURANTS = "/api/v1/restaurants/[^/]+";

	/** Knows no restaurant until a test adds one. */
	protected static final StubService KITCHEN = StubService.start(stub -> {
	});

	/** Approves every order of every consumer until a test says otherwise. */
	protected static final StubService CONSUMERS = StubService.start(
			stub -> stub.on("POST", VALIDATIONS, 200, "{\"approved\": true}"));

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
		TestDatabase.register(registry, "order_service");
		OutboxLog.start();
		TestKafka.register(registry);
		registry.add("spring.cloud.discovery.client.simple.instances.consumer-service[0].uri",
				() -> CONSUMERS.uri().toString());
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri",
				() -> KITCHEN.uri().toString());
		// resolve instances on every call, so a test that changes them sees the change at once
		registry.add("spring.cloud.loadbalancer.cache.enabled", () -> "false");
	}

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private Orders orders;

	@Autowired
	private TransactionTemplate transaction;

	/** The consumer a test places orders for, unless it needs one of its own. */
	protected final UUID me = UUID.randomUUID();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void resetStubs() {
		KITCHEN.reset();
		CONSUMERS.reset();
	}

	/** Sends no token: for the actuator and the API documents, and for what the API answers a stranger. */
	protected ApiClient api() {
		return new ApiClient(port);
	}

	/** The consumer itself: places, reads, lists and cancels its own orders. */
	protected ApiClient asConsumer(UUID consumerId) {
		return api().withToken(TestTokens.consumer(consumerId));
	}

	protected ApiClient asMe() {
		return asConsumer(me);
	}

	/** Reads and lists every order. */
	protected ApiClient asAdmin() {
		return api().withToken(TestTokens.admin());
	}

	/** A POST as {@code consumerId} with extra headers, which {@link ApiClient} does not send. */
	protected ApiClient.Response post(UUID consumerId, String path, String json, String... headerNamesAndValues) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, application/problem+json")
				.header("Authorization", "Bearer " + TestTokens.consumer(consumerId))
				.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headerNamesAndValues.length > 0) {
			request.headers(headerNamesAndValues);
		}
		try {
			return new ApiClient.Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An open restaurant with Curry at 12.50, Naan at 2.25 and Lassi at 3.00 (USD). */
	protected static UUID givenRestaurant() {
		return givenRestaurant(true);
	}

	protected static UUID givenRestaurant(boolean open) {
		var id = UUID.randomUUID();
		givenRestaurant(id, open);
		return id;
	}

	/** {@link #givenRestaurant()} under the id {@code id}, for a restaurant the kitchen comes to know late. */
	protected static void givenRestaurant(UUID id, boolean open) {
		KITCHEN.on("GET", "/api/v1/restaurants/" + id, 200, """
				{"restaurantId": "%s", "name": "Curry House", "open": %s, "cuisine": "ignored by a tolerant reader",
				 "menu": [
				   {"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
				   {"menuItemId": "m2", "name": "Naan", "price": {"amount": "2.25", "currency": "USD"}},
				   {"menuItemId": "m3", "name": "Lassi", "price": {"amount": "3", "currency": "USD"}}
				 ]}""".formatted(id, open));
	}

	/** A restaurant open with the menu items {@code menuJson} (a JSON array); its id. */
	protected static UUID givenMenu(String name, String menuJson) {
		var id = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + id, 200, """
				{"restaurantId": "%s", "name": "%s", "open": true, "menu": %s}""".formatted(id, name, menuJson));
		return id;
	}

	/** Asks to place an order of Curry and Naan (31.75 USD) through the API, as the consumer; the answer. */
	protected ApiClient.Response postOrder(UUID consumerId, UUID restaurantId) {
		return asConsumer(consumerId).post("/api/v1/orders", orderJson(consumerId, restaurantId));
	}

	/** Places an order of Curry and Naan (31.75 USD) through the API, as the consumer; returns its id. */
	protected UUID placeOrder(UUID consumerId, UUID restaurantId) {
		var response = postOrder(consumerId, restaurantId);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("orderId").asString());
	}

	/** Asks to place the order {@code json} as the consumer, with an {@code Idempotency-Key}; the answer. */
	protected ApiClient.Response postOrder(UUID consumerId, String json, String idempotencyKey) {
		return post(consumerId, "/api/v1/orders", json, "Idempotency-Key", idempotencyKey);
	}

	/**
	 * Sends {@code requests} placements with one key at once, and holds every validation until all have arrived:
	 * all of them are past the lookup of the key before any commits, a real race. Their answers.
	 */
	protected List<ApiClient.Response> postOrdersAtOnce(UUID consumerId, String json, String idempotencyKey,
			int requests) {
		holdValidations(Duration.ofSeconds(20));
		return Concurrently.call(requests, () -> postOrder(consumerId, json, idempotencyKey), () -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> CONSUMERS.calls("POST", VALIDATIONS) == requests);
			CONSUMERS.releaseHeld();
		});
	}

	/** consumer-service holds every validation until released or for {@code hold}, then approves the order. */
	protected static void holdValidations(Duration hold) {
		CONSUMERS.on("POST", VALIDATIONS, CONSUMERS.held(hold, Reply.json(200, "{\"approved\": true}")));
	}

	/** Asks {@code requests} times at once to cancel the order, as the consumer; the statuses of the answers. */
	protected List<Integer> cancelAtOnce(UUID consumerId, UUID orderId, int requests) {
		return Concurrently.call(requests,
				() -> asConsumer(consumerId).post("/api/v1/orders/" + orderId + "/cancel", null).status());
	}

	/** Approves the order directly through the aggregate, as the kitchen's reply will; the ticket it was approved with. */
	protected TicketId approve(UUID orderId) {
		var ticketId = new TicketId(UUID.randomUUID());
		transaction.executeWithoutResult(status -> orders.findById(orderId).orElseThrow().approve(ticketId));
		return ticketId;
	}

	/** Asks to cancel the order as the consumer who placed it. */
	protected ApiClient.Response cancel(UUID orderId) {
		var consumerId = UUID.fromString(order(orderId).get("consumerId").asString());
		return asConsumer(consumerId).post("/api/v1/orders/" + orderId + "/cancel", null);
	}

	/** The order in v1, as an admin reads it. */
	protected JsonNode order(UUID orderId) {
		var response = asAdmin().get("/api/v1/orders/" + orderId);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	protected void awaitState(UUID orderId, String state) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(order(orderId).get("state").asString()).isEqualTo(state));
	}

	/** Waits until the service has handled (or, for an unknown type, recorded) the message {@code id}. */
	protected void awaitProcessed(UUID messageId) {
		await().atMost(PATIENCE).until(() -> processed(messageId) == 1);
	}

	protected int processed(UUID messageId) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = 'order-service' AND message_id = ?",
				Integer.class, messageId);
	}

	/** Two Curry and three Naan (31.75 USD at {@link #givenRestaurant()}) to 1 Main St, in v1's words. */
	protected static String orderJson(UUID consumerId, UUID restaurantId) {
		return """
				{"consumerId": "%s", "restaurantId": "%s",
				 "lineItems": [{"menuItemId": "m1", "quantity": 2}, {"menuItemId": "m2", "quantity": 3}],
				 "deliveryAddress": "1 Main St"}""".formatted(consumerId, restaurantId);
	}

	/** The order of {@link #orderJson} in v2's words, which call the lines {@code items}. */
	protected static String v2OrderJson(UUID consumerId, UUID restaurantId) {
		return orderJson(consumerId, restaurantId).replace("\"lineItems\"", "\"items\"");
	}
}
