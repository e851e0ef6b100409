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
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of malformed and hostile requests to every POST and PUT endpoint, through the gateway,
 * generated from a fixed seed: never a 5xx, every refusal a problem+json body, and nothing written
 * for a refused request.
 */
class HostileInputIT {

	private static final int PER_ENDPOINT = 500;
	private static final long SEED = 20261123L;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Stack stack;
	private static ApiClient gateway;
	private static Fixtures fixtures;

	private final HttpClient http = HttpClient.newHttpClient();
	private final List<String> violations = new ArrayList<>();
	private final TreeMap<Integer, Integer> statuses = new TreeMap<>();

	@BeforeAll
	static void startStack() {
		stack = SystemStack.start("hostile-input");
		gateway = new ApiClient(stack.ports().gateway());
		fixtures = new Fixtures(gateway);
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void neverAnswers5xxAndWritesNothingForARefusedRequest() throws Exception {
		var consumerId = fixtures.consumer("1000.00");
		var restaurantId = fixtures.restaurant();
		var placed = fixtures.placeOrder(consumerId, restaurantId, "[{\"menuItemId\": \"m1\", \"quantity\": 1}]");
		var orderId = placed.json().get("orderId").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/tickets?orderId=" + orderId).json().size() == 1);
		var ticketId = gateway.get("/api/v1/tickets?orderId=" + orderId).json().get(0).get("ticketId").asString();
		var restaurantBefore = gateway.get("/api/v1/restaurants/" + restaurantId).raw().body();
		var ticketBefore = gateway.get("/api/v1/tickets/" + ticketId).raw().body();
		long consumersBefore = rows("consumer_service", "consumer");
		long restaurantsBefore = rows("kitchen_service", "restaurant");
		long ordersBefore = rows("order_service", "orders");

		var input = new HostileInput(SEED);
		int createdConsumers = fuzz("POST", "/api/v1/consumers", input, """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "500.00", "currency": "USD"}}""");
		int createdRestaurants = fuzz("POST", "/api/v1/restaurants", input, """
				{"name": "Ajanta", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""");
		int createdOrders = fuzz("POST", "/api/v1/orders", input, """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 2}],
				 "deliveryAddress": "1 Main St"}""".formatted(consumerId, restaurantId));
		fuzz("POST", "/api/v1/consumers/" + consumerId + "/order-validations", input,
				"{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}");
		int menuChanges = fuzz("PUT", "/api/v1/restaurants/" + restaurantId + "/menu", input, """
				{"menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""");
		int acceptances = fuzz("POST", "/api/v1/tickets/" + ticketId + "/accept", input,
				"{\"readyBy\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\"}");
		fuzzIdentifiers(new Random(SEED));

		System.out.printf("%n[figures] hostile input: %d requests, status codes %s%n",
				statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses);
		assertThat(violations).as("5xx answers or refusals without a problem+json body").isEmpty();
		assertThat(statuses.keySet()).allMatch(status -> status < 500);
		assertThat(rows("consumer_service", "consumer")).isEqualTo(consumersBefore + createdConsumers);
		assertThat(rows("kitchen_service", "restaurant")).isEqualTo(restaurantsBefore + createdRestaurants);
		assertThat(rows("order_service", "orders")).isEqualTo(ordersBefore + createdOrders);
		if (menuChanges == 0) {
			assertThat(gateway.get("/api/v1/restaurants/" + restaurantId).raw().body()).isEqualTo(restaurantBefore);
		}
		if (acceptances == 0) {
			assertThat(gateway.get("/api/v1/tickets/" + ticketId).raw().body()).isEqualTo(ticketBefore);
		}
	}

	@Test
	void refusesOversizedBodiesAndOtherContentTypes() throws Exception {
		var huge = "{\"name\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}";
		var oversized = send("POST", "/api/v1/consumers", huge, "application/json");
		var xml = send("POST", "/api/v1/consumers", "<consumer/>", "application/xml");
		var form = send("POST", "/api/v1/orders", "a=b", "application/x-www-form-urlencoded");

		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(xml.statusCode()).isEqualTo(415);
		assertThat(form.statusCode()).isEqualTo(415);
		for (var response : List.of(oversized, xml, form)) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	/** Sends every variant; returns how many were accepted (2xx), which the caller accounts for. */
	private int fuzz(String method, String path, HostileInput input, String validJson) throws Exception {
		int accepted = 0;
		for (var body : input.variants(validJson, PER_ENDPOINT)) {
			var response = send(method, path, body, "application/json");
			accepted += check(method + " " + path, body, response) ? 1 : 0;
		}
		return accepted;
	}

	/** The body-less transitions, addressed with hostile and unknown ids. */
	private void fuzzIdentifiers(Random random) throws Exception {
		var paths = List.of("/api/v1/consumers/%s/suspend", "/api/v1/consumers/%s/reactivate",
				"/api/v1/restaurants/%s/close", "/api/v1/restaurants/%s/open", "/api/v1/orders/%s/cancel",
				"/api/v1/tickets/%s/preparing", "/api/v1/tickets/%s/ready", "/api/v1/tickets/%s/picked-up");
		var ids = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "<script>", "%00", "..",
				"1e308", "-1", "😀", "a".repeat(5000), UUID.randomUUID().toString().toUpperCase());
		for (int i = 0; i < PER_ENDPOINT; i++) {
			var id = random.nextInt(3) == 0 ? UUID.randomUUID().toString() : ids.get(random.nextInt(ids.size()));
			var path = paths.get(random.nextInt(paths.size()))
					.formatted(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
			var body = random.nextBoolean() ? "" : "{\"state\": \"PICKED_UP\"}";
			var response = send("POST", path, body, "application/json");
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

	private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.ports().gateway() + path))
				.header("Content-Type", contentType).header("Accept", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static long rows(String database, String table) throws Exception {
		try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database), database, database);
				var result = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
			result.next();
			return result.getLong(1);
		}
	}
}
