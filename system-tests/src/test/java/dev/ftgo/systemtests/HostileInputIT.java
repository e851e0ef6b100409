package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of malformed and hostile requests to every POST and PUT endpoint, through the gateway,
 * generated from a fixed seed: never a 5xx, every refusal a problem+json body, and nothing written
 * for a refused request. Each request carries a valid token of the role its endpoint takes, so that the
 * hostile part meets the services' validation rather than the access rules; hostile tokens have a test
 * of their own.
 */
@ExtendWith(SharedStack.class)
@Order(SharedStack.FIRST + 1)
class HostileInputIT {

	private static final int PER_ENDPOINT = 500;
	private static final long SEED = 20261123L;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Stack stack;
	private static ApiClient admin;
	private static Fixtures fixtures;

	// HTTP/1.1, as the stack's own clients speak it: no h2c upgrade attempt rides along with the hostile requests
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final List<String> violations = new ArrayList<>();
	private final TreeMap<Integer, Integer> statuses = new TreeMap<>();

	@BeforeAll
	static void connect(Stack shared) {
		// thousands of requests one after the other from a handful of clients: far above the gateway's default
		// 50 requests/s per client, which the shared stack lifts; a 429 would keep the hostile bodies from ever
		// reaching validation
		stack = shared;
		fixtures = new Fixtures(stack);
		admin = fixtures.asAdmin();
	}

	@Test
	void neverAnswers5xxAndWritesNothingForARefusedRequest() throws Exception {
		var consumerId = fixtures.consumer("1000.00");
		var restaurantId = fixtures.restaurant();
		var placed = fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 1}]");
		var orderId = placed.json().get("orderId").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/api/v1/tickets?orderId=" + orderId).json().size() == 1);
		var ticketId = admin.get("/api/v1/tickets?orderId=" + orderId).json().get(0).get("ticketId").asString();
		var restaurantBefore = admin.get("/api/v1/restaurants/" + restaurantId).raw().body();
		var ticketBefore = admin.get("/api/v1/tickets/" + ticketId).raw().body();
		var asAdmin = bearer(fixtures.tokens().admin());
		var asConsumer = bearer(fixtures.tokens().consumer(UUID.fromString(consumerId)));
		var asKitchen = bearer(fixtures.tokens().kitchen(UUID.fromString(restaurantId)));
		long consumersBefore = rows("consumer_service", "consumer");
		long restaurantsBefore = rows("kitchen_service", "restaurant");
		long ordersBefore = rows("order_service", "orders");

		var input = new HostileInput(SEED);
		int createdConsumers = fuzz("POST", "/api/v1/consumers", asAdmin, input, """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "500.00", "currency": "USD"}}""");
		int createdRestaurants = fuzz("POST", "/api/v1/restaurants", asAdmin, input, """
				{"name": "Ajanta", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""");
		int createdOrders = fuzz("POST", "/api/v1/orders", asConsumer, input, """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2}],
				 "deliveryAddress": "1 Main St"}""".formatted(consumerId, restaurantId));
		fuzz("POST", "/api/v1/consumers/" + consumerId + "/order-validations", asConsumer, input,
				"{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}");
		int menuChanges = fuzz("PUT", "/api/v1/restaurants/" + restaurantId + "/menu", asKitchen, input, """
				{"menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""");
		int acceptances = fuzz("POST", "/api/v1/tickets/" + ticketId + "/accept", asKitchen, input,
				"{\"readyBy\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\"}");
		fuzzIdentifiers(new Random(SEED), Map.of("consumers", asAdmin, "restaurants", asAdmin, "orders", asConsumer,
				"tickets", asKitchen));

		System.out.printf("%n[figures] hostile input: %d requests, status codes %s%n",
				statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses);
		assertThat(violations).as("5xx answers or refusals without a problem+json body").isEmpty();
		assertThat(statuses.keySet()).allMatch(status -> status < 500);
		assertThat(statuses).as("refused by the rate limit instead of checked").doesNotContainKey(429);
		assertThat(rows("consumer_service", "consumer")).isEqualTo(consumersBefore + createdConsumers);
		assertThat(rows("kitchen_service", "restaurant")).isEqualTo(restaurantsBefore + createdRestaurants);
		assertThat(rows("order_service", "orders")).isEqualTo(ordersBefore + createdOrders);
		if (menuChanges == 0) {
			assertThat(admin.get("/api/v1/restaurants/" + restaurantId).raw().body()).isEqualTo(restaurantBefore);
		}
		if (acceptances == 0) {
			assertThat(admin.get("/api/v1/tickets/" + ticketId).raw().body()).isEqualTo(ticketBefore);
		}
	}

	/**
	 * Authorization headers no identity provider issued, through the gateway and straight at each service:
	 * always 401 problem+json with a Bearer challenge, never a 5xx, never a write.
	 */
	@Test
	void refusesEveryForgedMalformedOrExpiredTokenWith401() throws Exception {
		var consumerId = fixtures.consumer("1000.00");
		var restaurantId = fixtures.restaurant();
		var ordersBefore = rows("order_service", "orders");
		var consumersBefore = rows("consumer_service", "consumer");
		var headers = HostileTokens.headers(stack.tokens(), consumerId);
		record Target(String method, String path, String body, Component service) {
		}
		var targets = List.of(
				new Target("POST", "/api/v1/consumers", """
						{"name": {"firstName": "Eve", "lastName": "Forger"}, "email": "eve@example.com"}""",
						Component.CONSUMER_SERVICE),
				new Target("GET", "/api/v1/consumers/" + consumerId, "", Component.CONSUMER_SERVICE),
				new Target("POST", "/api/v1/orders", """
						{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
						.formatted(consumerId, restaurantId), Component.ORDER_SERVICE),
				new Target("GET", "/api/v1/orders?consumerId=" + consumerId, "", Component.ORDER_SERVICE),
				new Target("PUT", "/api/v1/restaurants/" + restaurantId + "/menu", """
						{"menu": [{"menuItemId": "m1", "name": "Free", "price": {"amount": "0.01", "currency": "USD"}}]}""",
						Component.KITCHEN_SERVICE));
		var answers = new TreeMap<String, Integer>();
		for (var target : targets) {
			for (var header : headers.entrySet()) {
				for (var port : List.of(stack.ports().gateway(), stack.ports().of(target.service()))) {
					var where = port == stack.ports().gateway() ? "the gateway" : target.service().id();
					var request = target.method() + " " + target.path() + " with " + header.getKey() + " via " + where;
					var response = send(target.method(), port, target.path(), target.body(), "application/json",
							header.getValue());
					answers.merge(header.getKey() + " " + response.statusCode(), 1, Integer::sum);
					check(request, target.body(), response);
					if (response.statusCode() != 401) {
						violations.add(request + " -> " + response.statusCode() + " instead of 401: " + response.body());
					}
					else if (!response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
						violations.add(request + " -> 401 without a Bearer challenge");
					}
				}
			}
		}

		System.out.printf("%n[figures] hostile tokens: %s%n", answers);
		assertThat(violations).as("answers to forged, malformed or expired tokens").isEmpty();
		assertThat(rows("order_service", "orders")).isEqualTo(ordersBefore);
		assertThat(rows("consumer_service", "consumer")).isEqualTo(consumersBefore);
		assertThat(admin.get("/api/v1/restaurants/" + restaurantId).json().at("/menu/0/name").asString()).isEqualTo("Curry");
	}

	@Test
	void refusesOversizedBodiesAndOtherContentTypes() throws Exception {
		var huge = "{\"name\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}";
		var asAdmin = bearer(fixtures.tokens().admin());
		var oversized = send("POST", "/api/v1/consumers", asAdmin, huge, "application/json");
		var xml = send("POST", "/api/v1/consumers", asAdmin, "<consumer/>", "application/xml");
		var form = send("POST", "/api/v1/orders", bearer(fixtures.tokens().consumer(UUID.randomUUID())), "a=b",
				"application/x-www-form-urlencoded");

		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(xml.statusCode()).isEqualTo(415);
		assertThat(form.statusCode()).isEqualTo(415);
		for (var response : List.of(oversized, xml, form)) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	/** Sends every variant; returns how many were accepted (2xx), which the caller accounts for. */
	private int fuzz(String method, String path, String authorization, HostileInput input, String validJson) throws Exception {
		int accepted = 0;
		for (var body : input.variants(validJson, PER_ENDPOINT)) {
			var response = send(method, path, authorization, body, "application/json");
			accepted += check(method + " " + path, body, response) ? 1 : 0;
		}
		return accepted;
	}

	/** The body-less transitions, addressed with hostile and unknown ids, each with the token of the role it takes. */
	private void fuzzIdentifiers(Random random, Map<String, String> authorizationByCollection) throws Exception {
		var paths = List.of("/api/v1/consumers/%s/suspend", "/api/v1/consumers/%s/reactivate",
				"/api/v1/restaurants/%s/close", "/api/v1/restaurants/%s/open", "/api/v1/orders/%s/cancel",
				"/api/v1/tickets/%s/preparing", "/api/v1/tickets/%s/ready", "/api/v1/tickets/%s/picked-up");
		var ids = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "<script>", "%00", "..",
				"1e308", "-1", "😀", "a".repeat(5000), UUID.randomUUID().toString().toUpperCase());
		for (int i = 0; i < PER_ENDPOINT; i++) {
			var id = random.nextInt(3) == 0 ? UUID.randomUUID().toString() : ids.get(random.nextInt(ids.size()));
			var template = paths.get(random.nextInt(paths.size()));
			var path = template.formatted(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
			var body = random.nextBoolean() ? "" : "{\"state\": \"PICKED_UP\"}";
			var authorization = authorizationByCollection.get(template.split("/")[3]);
			var response = send("POST", path, authorization, body, "application/json");
			if (check("POST " + path, body, response)) {
				violations.add("POST " + path + " was accepted with an unknown or malformed id: " + response.statusCode());
			}
		}
	}

	/** Records a violation unless the answer is a success or a 4xx problem; returns whether it was a success. */
	private boolean check(String request, String body, HttpResponse<String> response) {
		int status = response.statusCode();
		statuses.merge(status, 1, Integer::sum);
		if (status >= 200 && status < 300) {
			return true;
		}
		var sample = body.length() > 120 ? body.substring(0, 120) + "…" : body;
		if (status >= 500) {
			violations.add(request + " -> " + status + " for " + sample + ": " + response.body());
			return false;
		}
		var contentType = response.headers().firstValue("Content-Type").orElse("");
		if (!contentType.startsWith("application/problem+json")) {
			violations.add(request + " -> " + status + " without problem+json (" + contentType + ") for " + sample);
			return false;
		}
		try {
			if (JSON.readTree(response.body()).get("status").asInt() != status) {
				violations.add(request + " -> " + status + " with a problem naming another status: " + response.body());
			}
		}
		catch (RuntimeException e) {
			violations.add(request + " -> " + status + " with an unreadable problem body: " + response.body());
		}
		return false;
	}

	private HttpResponse<String> send(String method, String path, String authorization, String body, String contentType)
			throws Exception {
		return send(method, stack.ports().gateway(), path, body, contentType, authorization);
	}

	private HttpResponse<String> send(String method, int port, String path, String body, String contentType,
			String authorization) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", contentType).header("Accept", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static long rows(String database, String table) throws Exception {
		try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database), database, database);
				var result = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
			result.next();
			return result.getLong(1);
		}
	}
}
