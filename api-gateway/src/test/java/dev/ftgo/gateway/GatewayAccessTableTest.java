package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ftgo.testsupport.TestTokens;

/**
 * Who gets through the gateway: every role against every endpoint family of the access table, with the path
 * and query ownership checks; a refusal is a 403 problem that names the rule, given before any service is
 * called, and what is let through reaches the service with the caller's token unchanged.
 */
class GatewayAccessTableTest extends StubbedServicesTestBase {

	private static final UUID CONSUMER = UUID.fromString("0b8a3f0e-7c1d-4e25-9a6b-3c2d1e0f4a51");
	private static final UUID OTHER_CONSUMER = UUID.fromString("5d9e2c1b-8a7f-4b36-8e4d-6f5a3b2c1d09");
	private static final UUID RESTAURANT = UUID.fromString("9c4b7e2a-1f3d-4a58-b6c9-2e8d7f1a0b34");
	private static final UUID OTHER_RESTAURANT = UUID.fromString("3e7f1a9c-5b2d-4c80-a1e6-8d4b9c7f2e15");
	private static final String ORDER = "7a1c9e3b-2d4f-4e68-9b0a-5c3e1f7d2a86";
	private static final String TICKET = "4f2e8a6c-9d1b-4a73-8c5e-1b7d3f9a6e20";

	enum Caller {
		ADMIN, CONSUMER, KITCHEN;

		String token() {
			return switch (this) {
				case ADMIN -> TestTokens.admin();
				case CONSUMER -> TestTokens.consumer(GatewayAccessTableTest.CONSUMER);
				case KITCHEN -> TestTokens.kitchen(RESTAURANT);
			};
		}
	}

	private static Stream<Arguments> allowed(String method, String path, Caller... callers) {
		return Stream.of(callers).map(caller -> Arguments.of(caller, method, path, true));
	}

	private static Stream<Arguments> refused(String method, String path, Caller... callers) {
		return Stream.of(callers).map(caller -> Arguments.of(caller, method, path, false));
	}

	/** The access table, as far as the request alone shows it (the services check bodies and loaded resources). */
	static Stream<Arguments> accessTable() {
		var consumer = "/api/v1/consumers/" + CONSUMER;
		var otherConsumer = "/api/v1/consumers/" + OTHER_CONSUMER;
		var restaurant = "/api/v1/restaurants/" + RESTAURANT;
		var otherRestaurant = "/api/v1/restaurants/" + OTHER_RESTAURANT;
		var ticket = "/api/v1/tickets/" + TICKET;
		return Stream.of(
				allowed("POST", "/api/v1/consumers", Caller.ADMIN),
				refused("POST", "/api/v1/consumers", Caller.CONSUMER, Caller.KITCHEN),

				allowed("GET", consumer, Caller.ADMIN, Caller.CONSUMER),
				// the same UUID, spelled in upper case
				allowed("GET", "/api/v1/consumers/" + CONSUMER.toString().toUpperCase(), Caller.CONSUMER),
				refused("GET", otherConsumer, Caller.CONSUMER),
				refused("GET", consumer, Caller.KITCHEN),
				allowed("GET", consumer + "/notifications", Caller.ADMIN, Caller.CONSUMER),
				refused("GET", otherConsumer + "/notifications", Caller.CONSUMER),
				refused("GET", consumer + "/notifications", Caller.KITCHEN),

				allowed("POST", consumer + "/suspend", Caller.ADMIN),
				allowed("POST", consumer + "/reactivate", Caller.ADMIN),
				refused("POST", consumer + "/suspend", Caller.CONSUMER, Caller.KITCHEN),
				refused("POST", consumer + "/reactivate", Caller.CONSUMER),

				allowed("POST", consumer + "/order-validations", Caller.ADMIN, Caller.CONSUMER),
				refused("POST", otherConsumer + "/order-validations", Caller.CONSUMER),
				refused("POST", consumer + "/order-validations", Caller.KITCHEN),

				allowed("POST", "/api/v1/restaurants", Caller.ADMIN),
				refused("POST", "/api/v1/restaurants", Caller.CONSUMER, Caller.KITCHEN),

				allowed("GET", restaurant, Caller.ADMIN, Caller.CONSUMER),
				allowed("GET", otherRestaurant, Caller.KITCHEN),

				allowed("PUT", restaurant + "/menu", Caller.ADMIN, Caller.KITCHEN),
				refused("PUT", otherRestaurant + "/menu", Caller.KITCHEN),
				refused("PUT", restaurant + "/menu", Caller.CONSUMER),
				allowed("POST", restaurant + "/open", Caller.ADMIN, Caller.KITCHEN),
				allowed("POST", restaurant + "/close", Caller.KITCHEN),
				refused("POST", otherRestaurant + "/close", Caller.KITCHEN),
				refused("POST", restaurant + "/close", Caller.CONSUMER),

				allowed("GET", ticket, Caller.ADMIN, Caller.CONSUMER, Caller.KITCHEN),
				allowed("GET", "/api/v1/tickets?orderId=" + ORDER, Caller.ADMIN, Caller.CONSUMER, Caller.KITCHEN),

				allowed("POST", ticket + "/accept", Caller.KITCHEN),
				allowed("POST", ticket + "/preparing", Caller.KITCHEN),
				allowed("POST", ticket + "/ready", Caller.KITCHEN),
				allowed("POST", ticket + "/picked-up", Caller.KITCHEN),
				refused("POST", ticket + "/accept", Caller.ADMIN, Caller.CONSUMER),
				refused("POST", ticket + "/picked-up", Caller.CONSUMER),

				allowed("POST", "/api/v1/orders", Caller.CONSUMER),
				allowed("POST", "/api/v2/orders", Caller.CONSUMER),
				refused("POST", "/api/v1/orders", Caller.ADMIN),
				refused("POST", "/api/v2/orders", Caller.KITCHEN),

				allowed("GET", "/api/v1/orders/" + ORDER, Caller.ADMIN, Caller.CONSUMER),
				allowed("GET", "/api/v2/orders/" + ORDER, Caller.CONSUMER),
				refused("GET", "/api/v1/orders/" + ORDER, Caller.KITCHEN),
				refused("GET", "/api/v2/orders/" + ORDER, Caller.KITCHEN),

				allowed("GET", "/api/v1/orders?consumerId=" + OTHER_CONSUMER, Caller.ADMIN),
				allowed("GET", "/api/v1/orders?consumerId=" + CONSUMER + "&page=0&size=20", Caller.CONSUMER),
				allowed("GET", "/api/v2/orders?consumerId=" + CONSUMER, Caller.CONSUMER),
				refused("GET", "/api/v1/orders?consumerId=" + OTHER_CONSUMER, Caller.CONSUMER),
				refused("GET", "/api/v1/orders?consumerId=" + CONSUMER + "&consumerId=" + OTHER_CONSUMER, Caller.CONSUMER),
				refused("GET", "/api/v1/orders", Caller.CONSUMER),
				refused("GET", "/api/v1/orders?consumerId=" + CONSUMER, Caller.KITCHEN),

				allowed("POST", "/api/v1/orders/" + ORDER + "/cancel", Caller.CONSUMER),
				allowed("POST", "/api/v2/orders/" + ORDER + "/cancel", Caller.CONSUMER),
				refused("POST", "/api/v1/orders/" + ORDER + "/cancel", Caller.ADMIN, Caller.KITCHEN),

				allowed("GET", "/api/v1/admin/dead-letters", Caller.ADMIN),
				allowed("GET", "/api/v1/admin/dead-letters?topic=order.events-dlt", Caller.ADMIN),
				allowed("GET", "/api/v1/admin/dead-letters/order.events-dlt/1/42", Caller.ADMIN),
				allowed("POST", "/api/v1/admin/dead-letters/order.events-dlt/1/42/replay", Caller.ADMIN),
				allowed("POST", "/api/v1/admin/dead-letters/order.events-dlt/replay", Caller.ADMIN),
				refused("GET", "/api/v1/admin/dead-letters", Caller.CONSUMER),
				refused("GET", "/api/v1/admin/dead-letters/order.events-dlt/1/42", Caller.KITCHEN),
				refused("POST", "/api/v1/admin/dead-letters/order.events-dlt/1/42/replay", Caller.CONSUMER),
				refused("POST", "/api/v1/admin/dead-letters/order.events-dlt/replay", Caller.KITCHEN),
				refused("DELETE", "/api/v1/admin/dead-letters/order.events-dlt/1/42", Caller.ADMIN),

				// not in the table: closed at the edge
				refused("DELETE", consumer, Caller.ADMIN),
				refused("GET", consumer + "/", Caller.ADMIN),
				refused("GET", "/api/v1/actuator/health", Caller.ADMIN))
			.flatMap(Function.identity());
	}

	@ParameterizedTest(name = "{0} {1} {2} allowed={3}")
	@MethodSource("accessTable")
	void letsThroughWhatTheTableAllowsAndRefusesTheRestWith403(Caller caller, String method, String path,
			boolean allowed) throws Exception {
		var token = caller.token();

		var response = send(withBody(as(token, path), method));

		var service = serviceFor(path);
		if (allowed) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(service.calls()).isEqualTo(1);
			assertThat(service.lastMethod()).isEqualTo(method);
			assertThat(service.lastAuthorization()).isEqualTo("Bearer " + token);
		}
		else {
			assertProblem(response, 403);
			assertThat(response.body()).contains("\"title\":\"Forbidden\"");
			assertThat(consumerService.calls() + orderService.calls() + kitchenService.calls() + relay.calls()).isZero();
		}
	}

	@Test
	void relaysTheTokenUnchangedWithTheRestOfTheRequest() throws Exception {
		var token = TestTokens.consumer(CONSUMER);

		var response = send(as(token, "/api/v1/orders?consumerId=" + CONSUMER + "&page=1&size=5"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(orderService.lastAuthorization()).isEqualTo("Bearer " + token);
		assertThat(orderService.lastPath()).isEqualTo("/api/v1/orders");
		assertThat(orderService.lastQuery()).isEqualTo("consumerId=" + CONSUMER + "&page=1&size=5");
	}

	@Test
	void namesTheRuleThatRefused() throws Exception {
		var response = send(as(TestTokens.consumer(CONSUMER), "/api/v1/consumers/" + OTHER_CONSUMER));

		assertProblem(response, 403);
		assertThat(response.body()).contains("admins or the consumer named in the path");
	}

	private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method) {
		if (method.equals("POST") || method.equals("PUT")) {
			return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
		}
		return request.method(method, HttpRequest.BodyPublishers.noBody());
	}

	private static StubService serviceFor(String path) {
		if (path.startsWith("/api/v1/admin/dead-letters")) {
			return relay;
		}
		if (path.startsWith("/api/v1/consumers")) {
			return consumerService;
		}
		if (path.startsWith("/api/v1/restaurants") || path.startsWith("/api/v1/tickets")) {
			return kitchenService;
		}
		return orderService;
	}
}
