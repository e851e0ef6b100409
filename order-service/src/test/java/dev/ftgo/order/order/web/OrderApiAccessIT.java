package dev.ftgo.order.order.web;

import static dev.ftgo.order.ReplicaFeeds.givenReplicatedConsumer;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.AccessTable;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.Caller;

/**
 * Who may call what, over HTTP with real tokens: the order rows of the access table in docs/security.md, in both API
 * versions, each against each kind of caller, on an approved order placed for the case. A refusal is problem+json
 * and changes nothing; another consumer's order is a 404, as a missing one.
 */
class OrderApiAccessIT extends WithStubbedServices {

	/** That table for this service; 401 for every token the service must not trust. */
	private static final String TABLE = """
			           ADMIN  OWN_CONSUMER  OTHER_CONSUMER  OTHER_KITCHEN  NO_TOKEN  EXPIRED  OTHER_KEY  OTHER_ISSUER
			PLACE_V1   403    201           403             403            401       401      401        401
			PLACE_V2   403    201           403             403            401       401      401        401
			READ_V1    200    200           404             403            401       401      401        401
			READ_V2    200    200           404             403            401       401      401        401
			LIST_V1    200    200           403             403            401       401      401        401
			LIST_V2    200    200           403             403            401       401      401        401
			CANCEL_V1  403    202           404             403            401       401      401        401
			CANCEL_V2  403    202           404             403            401       401      401        401
			""";

	/** What each endpoint is asked about the order of {@link Case}: the owner's order, or a new one for it. */
	enum Endpoint {

		PLACE_V1(c -> c.api.post("/api/v1/orders", orderJson(c.owner, c.restaurantId))),
		PLACE_V2(c -> c.api.post("/api/v2/orders", v2OrderJson(c.owner, c.restaurantId))),
		READ_V1(c -> c.api.get("/api/v1/orders/" + c.orderId)),
		READ_V2(c -> c.api.get("/api/v2/orders/" + c.orderId)),
		LIST_V1(c -> c.api.get("/api/v1/orders?consumerId=" + c.owner)),
		LIST_V2(c -> c.api.get("/api/v2/orders?consumerId=" + c.owner)),
		CANCEL_V1(c -> c.api.post("/api/v1/orders/" + c.orderId + "/cancel", null)),
		CANCEL_V2(c -> c.api.post("/api/v2/orders/" + c.orderId + "/cancel", null));

		private final Function<Case, ApiClient.Response> call;

		Endpoint(Function<Case, ApiClient.Response> call) {
			this.call = call;
		}
	}

	/** @param api the caller's client */
	private record Case(ApiClient api, UUID owner, UUID restaurantId, UUID orderId) {
	}

	static Stream<Arguments> table() {
		return AccessTable.cases(TABLE, Endpoint.class).stream()
				.map(cell -> Arguments.of(cell.endpoint(), cell.caller(), cell.status()));
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@MethodSource("table")
	void answersEachCallerAsTheRolesTableSays(Endpoint endpoint, Caller caller, int expected) {
		var owner = UUID.randomUUID();
		var restaurantId = givenRestaurant();
		var orderId = approvedOrder(owner, restaurantId);
		var before = snapshot(owner, orderId);
		var client = caller.client(api(), restaurantId, owner);

		var response = endpoint.call.apply(new Case(client, owner, restaurantId, orderId));

		assertThat(response.status()).as(response.toString()).isEqualTo(expected);
		if (expected >= 400) {
			assertProblem(response, expected);
			assertThat(response.json().get("instance").asString()).startsWith("/api/v");
			assertThat(response.json().has("orderId") || response.json().has("content")).as("no order in it").isFalse();
			assertThat(snapshot(owner, orderId)).as("nothing changed").isEqualTo(before);
		}
		if (expected == 401) {
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		if (expected == 404) {
			// exactly what a missing order gets, so that it tells nothing
			var missing = endpoint.call.apply(new Case(client, owner, restaurantId, UUID.randomUUID()));
			assertProblem(missing, 404);
			assertThat(response.json().get("title")).isEqualTo(missing.json().get("title"));
			assertThat(response.json().get("detail").asString())
				.isEqualTo(missing.json().get("detail").asString().replaceAll("[0-9a-f-]{36}", orderId.toString()));
		}
	}

	@Test
	void refusesAMalformedTokenAndOtherSchemesWith401() {
		for (var authorization : List.of("Bearer not-a-jwt", "Bearer ", "Basic YWRtaW46YWRtaW4=")) {
			var response = api().withAuthorization(authorization).get("/api/v2/orders?consumerId=" + UUID.randomUUID());

			assertProblem(response, 401);
			assertThat(response.header("WWW-Authenticate")).as(authorization).startsWith("Bearer");
		}
	}

	@Test
	void answersHealthAndTheApiDocumentsWithoutAToken() {
		// the Prometheus scrape too: ObservabilityIT scrapes without a token
		for (var path : List.of("/actuator/health", "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs/v1",
				"/v3/api-docs/v2")) {
			var response = api().get(path);

			assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
		}
	}

	// --- a called service refuses the token this one relayed ---

	/** consumer-service applies its own rules to the same caller; when it refuses, so does this service. */
	@Test
	void aRefusalOfConsumerServiceIsTheCallers403() {
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 403, """
				{"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "Only the consumer itself"}""");

		var response = postOrder(consumerId, givenRestaurant());

		assertProblem(response, 403);
		assertThat(response.json().get("detail").asString()).contains("consumer-service refused this caller");
		assertThat(ordersOf(consumerId)).isZero();
	}

	/**
	 * consumer-service did not accept a token this service just accepted: the caller's token is fine here, so no 401
	 * (it would make the client sign in again for nothing) but a 503, and no replica standing in for the service
	 * that answered.
	 */
	@Test
	void aTokenConsumerServiceDoesNotAcceptIsA503AndTheReplicaDoesNotStandIn() {
		var consumerId = givenReplicatedConsumer(jdbc, "ACTIVE", "500.00");
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 401, """
				{"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "Signature invalid"}""");

		var response = postOrder(consumerId, givenRestaurant());

		assertProblem(response, 503);
		assertThat(response.json().get("service").asString()).isEqualTo("consumer-service");
		assertThat(response.json().get("detail").asString()).contains("did not accept the caller's bearer token");
		assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(response.header("WWW-Authenticate")).isNull();
		assertThat(ordersOf(consumerId)).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void aRefusalOfKitchenServiceIsNeitherA500NorAnotherAnswer(int kitchenStatus) {
		var consumerId = UUID.randomUUID();
		var restaurantId = UUID.randomUUID();
		KITCHEN.on("GET", "/api/v1/restaurants/" + restaurantId, kitchenStatus, """
				{"type": "about:blank", "title": "Refused", "status": %d, "detail": "no"}""".formatted(kitchenStatus));

		var response = postOrder(consumerId, restaurantId);

		assertProblem(response, kitchenStatus == 403 ? 403 : 503);
		if (kitchenStatus == 401) {
			assertThat(response.json().get("service").asString()).isEqualTo("kitchen-service");
		}
		assertThat(KITCHEN.calls("GET", "/api/v1/restaurants/" + restaurantId)).as("not retried").isEqualTo(1);
		assertThat(CONSUMERS.received()).isEmpty();
		assertThat(ordersOf(consumerId)).isZero();
	}

	private UUID approvedOrder(UUID owner, UUID restaurantId) {
		var orderId = placeOrder(owner, restaurantId);
		approve(orderId);
		return orderId;
	}

	/** What a refused call must leave as it was: the owner's orders, and this one's state and version. */
	private List<Object> snapshot(UUID owner, UUID orderId) {
		return List.of(ordersOf(owner), CONSUMERS.calls("POST", VALIDATIONS),
				jdbc.queryForMap("SELECT state, version FROM orders WHERE id = ?", orderId));
	}

	private int ordersOf(UUID consumerId) {
		return jdbc.queryForObject("SELECT count(*) FROM orders WHERE consumer_id = ?", Integer.class, consumerId);
	}
}
