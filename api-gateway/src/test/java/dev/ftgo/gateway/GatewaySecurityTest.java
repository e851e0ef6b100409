package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.testsupport.TestTokens;

/**
 * Who gets through the gateway: every role against every endpoint family of the access table, the
 * path and query ownership checks, and the refusals (401 without a usable token, 403 for a role or id
 * the request shows is not allowed) as problems, before any service is called.
 */
class GatewaySecurityTest extends StubbedServicesTestBase {

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
				case CONSUMER -> TestTokens.consumer(GatewaySecurityTest.CONSUMER);
				case KITCHEN -> TestTokens.kitchen(RESTAURANT);
			};
		}
	}

	private static Arguments allowed(Caller caller, String method, String path) {
		return Arguments.of(caller, method, path, true);
	}

	private static Arguments refused(Caller caller, String method, String path) {
		return Arguments.of(caller, method, path, false);
	}

	/** The access table, as far as the request alone shows it (the services check bodies and loaded resources). */
	static Stream<Arguments> accessTable() {
		var consumer = "/api/v1/consumers/" + CONSUMER;
		var otherConsumer = "/api/v1/consumers/" + OTHER_CONSUMER;
		var restaurant = "/api/v1/restaurants/" + RESTAURANT;
		var otherRestaurant = "/api/v1/restaurants/" + OTHER_RESTAURANT;
		var ticket = "/api/v1/tickets/" + TICKET;
		return Stream.of(
				allowed(Caller.ADMIN, "POST", "/api/v1/consumers"),
				refused(Caller.CONSUMER, "POST", "/api/v1/consumers"),
				refused(Caller.KITCHEN, "POST", "/api/v1/consumers"),

				allowed(Caller.ADMIN, "GET", consumer),
				allowed(Caller.CONSUMER, "GET", consumer),
				// the same UUID, spelled in upper case
				allowed(Caller.CONSUMER, "GET", "/api/v1/consumers/" + CONSUMER.toString().toUpperCase()),
				refused(Caller.CONSUMER, "GET", otherConsumer),
				refused(Caller.KITCHEN, "GET", consumer),
				allowed(Caller.ADMIN, "GET", consumer + "/notifications"),
				allowed(Caller.CONSUMER, "GET", consumer + "/notifications"),
				refused(Caller.CONSUMER, "GET", otherConsumer + "/notifications"),
				refused(Caller.KITCHEN, "GET", consumer + "/notifications"),

				allowed(Caller.ADMIN, "POST", consumer + "/suspend"),
				allowed(Caller.ADMIN, "POST", consumer + "/reactivate"),
				refused(Caller.CONSUMER, "POST", consumer + "/suspend"),
				refused(Caller.CONSUMER, "POST", consumer + "/reactivate"),
				refused(Caller.KITCHEN, "POST", consumer + "/suspend"),

				allowed(Caller.ADMIN, "POST", consumer + "/order-validations"),
				allowed(Caller.CONSUMER, "POST", consumer + "/order-validations"),
				refused(Caller.CONSUMER, "POST", otherConsumer + "/order-validations"),
				refused(Caller.KITCHEN, "POST", consumer + "/order-validations"),

				allowed(Caller.ADMIN, "POST", "/api/v1/restaurants"),
				refused(Caller.CONSUMER, "POST", "/api/v1/restaurants"),
				refused(Caller.KITCHEN, "POST", "/api/v1/restaurants"),

				allowed(Caller.ADMIN, "GET", restaurant),
				allowed(Caller.CONSUMER, "GET", restaurant),
				allowed(Caller.KITCHEN, "GET", otherRestaurant),

				allowed(Caller.ADMIN, "PUT", restaurant + "/menu"),
				allowed(Caller.KITCHEN, "PUT", restaurant + "/menu"),
				refused(Caller.KITCHEN, "PUT", otherRestaurant + "/menu"),
				refused(Caller.CONSUMER, "PUT", restaurant + "/menu"),
				allowed(Caller.ADMIN, "POST", restaurant + "/open"),
				allowed(Caller.KITCHEN, "POST", restaurant + "/open"),
				allowed(Caller.KITCHEN, "POST", restaurant + "/close"),
				refused(Caller.KITCHEN, "POST", otherRestaurant + "/close"),
				refused(Caller.CONSUMER, "POST", restaurant + "/close"),

				allowed(Caller.ADMIN, "GET", ticket),
				allowed(Caller.CONSUMER, "GET", ticket),
				allowed(Caller.KITCHEN, "GET", ticket),
				allowed(Caller.ADMIN, "GET", "/api/v1/tickets?orderId=" + ORDER),
				allowed(Caller.CONSUMER, "GET", "/api/v1/tickets?orderId=" + ORDER),
				allowed(Caller.KITCHEN, "GET", "/api/v1/tickets?orderId=" + ORDER),

				allowed(Caller.KITCHEN, "POST", ticket + "/accept"),
				allowed(Caller.KITCHEN, "POST", ticket + "/preparing"),
				allowed(Caller.KITCHEN, "POST", ticket + "/ready"),
				allowed(Caller.KITCHEN, "POST", ticket + "/picked-up"),
				refused(Caller.ADMIN, "POST", ticket + "/accept"),
				refused(Caller.CONSUMER, "POST", ticket + "/accept"),
				refused(Caller.CONSUMER, "POST", ticket + "/picked-up"),

				allowed(Caller.CONSUMER, "POST", "/api/v1/orders"),
				allowed(Caller.CONSUMER, "POST", "/api/v2/orders"),
				refused(Caller.ADMIN, "POST", "/api/v1/orders"),
				refused(Caller.KITCHEN, "POST", "/api/v2/orders"),

				allowed(Caller.ADMIN, "GET", "/api/v1/orders/" + ORDER),
				allowed(Caller.CONSUMER, "GET", "/api/v1/orders/" + ORDER),
				allowed(Caller.CONSUMER, "GET", "/api/v2/orders/" + ORDER),
				refused(Caller.KITCHEN, "GET", "/api/v1/orders/" + ORDER),
				refused(Caller.KITCHEN, "GET", "/api/v2/orders/" + ORDER),

				allowed(Caller.ADMIN, "GET", "/api/v1/orders?consumerId=" + OTHER_CONSUMER),
				allowed(Caller.CONSUMER, "GET", "/api/v1/orders?consumerId=" + CONSUMER + "&page=0&size=20"),
				allowed(Caller.CONSUMER, "GET", "/api/v2/orders?consumerId=" + CONSUMER),
				refused(Caller.CONSUMER, "GET", "/api/v1/orders?consumerId=" + OTHER_CONSUMER),
				refused(Caller.CONSUMER, "GET", "/api/v1/orders?consumerId=" + CONSUMER + "&consumerId=" + OTHER_CONSUMER),
				refused(Caller.CONSUMER, "GET", "/api/v1/orders"),
				refused(Caller.KITCHEN, "GET", "/api/v1/orders?consumerId=" + CONSUMER),

				allowed(Caller.CONSUMER, "POST", "/api/v1/orders/" + ORDER + "/cancel"),
				allowed(Caller.CONSUMER, "POST", "/api/v2/orders/" + ORDER + "/cancel"),
				refused(Caller.ADMIN, "POST", "/api/v1/orders/" + ORDER + "/cancel"),
				refused(Caller.KITCHEN, "POST", "/api/v1/orders/" + ORDER + "/cancel"),

				allowed(Caller.ADMIN, "GET", "/api/v1/admin/dead-letters"),
				allowed(Caller.ADMIN, "GET", "/api/v1/admin/dead-letters?topic=order.events-dlt"),
				allowed(Caller.ADMIN, "GET", "/api/v1/admin/dead-letters/order.events-dlt/1/42"),
				allowed(Caller.ADMIN, "POST", "/api/v1/admin/dead-letters/order.events-dlt/1/42/replay"),
				allowed(Caller.ADMIN, "POST", "/api/v1/admin/dead-letters/order.events-dlt/replay"),
				refused(Caller.CONSUMER, "GET", "/api/v1/admin/dead-letters"),
				refused(Caller.KITCHEN, "GET", "/api/v1/admin/dead-letters/order.events-dlt/1/42"),
				refused(Caller.CONSUMER, "POST", "/api/v1/admin/dead-letters/order.events-dlt/1/42/replay"),
				refused(Caller.KITCHEN, "POST", "/api/v1/admin/dead-letters/order.events-dlt/replay"),
				refused(Caller.ADMIN, "DELETE", "/api/v1/admin/dead-letters/order.events-dlt/1/42"),

				// not in the table: closed at the edge
				refused(Caller.ADMIN, "DELETE", consumer),
				refused(Caller.ADMIN, "GET", consumer + "/"),
				refused(Caller.ADMIN, "GET", "/api/v1/actuator/health"));
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

	@Test
	void asksForATokenWhenThereIsNone() throws Exception {
		var response = send(anonymous("/api/v1/restaurants/" + RESTAURANT));

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("Authorization: Bearer");
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void asksForATokenBeforeTheDeadLetterApi() throws Exception {
		var response = send(anonymous("/api/v1/admin/dead-letters").POST(HttpRequest.BodyPublishers.noBody()));

		assertProblem(response, 401);
		assertThat(relay.calls()).isZero();
	}

	/** Spring Security's firewall refuses these before any filter runs; the refusal is a problem like any other. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/orders/%2e%2e/consumers", "/api/v1/orders/%2500", "/api/v1/orders/a%2fb",
			"/api/v1/consumers/;jsessionid=1" })
	void answersPathsTheFirewallRefusesWithAProblem(String path) throws Exception {
		var response = send(anonymous(path));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400").contains("The request was refused");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "malformed", "not-a-jwt", "expired", "signed-by-someone-else", "from-another-issuer",
			"for-another-audience", "garbage-in-header" })
	void refusesTokensThatAreNotValidWith401(String kind) throws Exception {
		var request = switch (kind) {
			case "malformed" -> as("abc.def.ghi", "/api/v1/restaurants/" + RESTAURANT);
			case "not-a-jwt" -> as("opaque-token", "/api/v1/restaurants/" + RESTAURANT);
			case "expired" -> as(TestTokens.expired(), "/api/v1/restaurants/" + RESTAURANT);
			case "signed-by-someone-else" -> as(TestTokens.signedByAnotherKey(), "/api/v1/restaurants/" + RESTAURANT);
			// signed with the trusted key: only the iss or aud claim gives these away
			case "from-another-issuer" -> as(TestTokens.fromAnotherIssuer(), "/api/v1/restaurants/" + RESTAURANT);
			case "for-another-audience" -> as(TestTokens.forAnotherAudience(), "/api/v1/restaurants/" + RESTAURANT);
			default -> anonymous("/api/v1/restaurants/" + RESTAURANT).header("Authorization", "Bearer !!not base64!!");
		};

		var response = send(request);

		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertThat(response.body()).contains("The bearer token was refused");
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void refusesATokenWithoutRolesWith403() throws Exception {
		var token = TestTokens.issuer().mint("nobody", List.of(), null, Duration.ofMinutes(5));

		assertProblem(send(as(token, "/api/v1/restaurants/" + RESTAURANT)), 403);
	}

	@Test
	void leavesHealthDocsAndUnknownPathsOpen() throws Exception {
		assertThat(send(anonymous("/actuator/health")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/info")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/prometheus")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/v3/api-docs/swagger-config")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/api-docs/kitchen-service")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/no/such/thing")).statusCode()).isEqualTo(404);
		assertThat(send(anonymous("/fallback/order-service")).statusCode()).isEqualTo(404);
	}

	@Test
	void keepsActuatorEndpointsThatAreNotListedClosed() throws Exception {
		assertProblem(send(anonymous("/actuator/env")), 401);
		assertProblem(send(as(TestTokens.admin(), "/actuator/env")), 403);
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

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

	/**
	 * Reactor Netty 1.3.6 stopped reading a kept-alive HTTP/1.1 connection now and then when the next request
	 * arrived before the previous exchange had fully terminated (reactor/reactor-netty#4361): the client waited
	 * for ever. The gateway runs 1.3.8, which fixed it; on 1.3.6 this test timed out within a few hundred requests.
	 */
	@Test
	void answersEveryRequestOnAKeptAliveConnection() throws Exception {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
					StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 300; i++) {
				out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				assertThat(in.readLine()).as("status line of request %d on one connection", i + 1)
					.isEqualTo("HTTP/1.1 200 OK");
				int length = -1;
				for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
					if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				assertThat(length).as("content length of answer %d", i + 1).isPositive();
				in.skip(length);
			}
		}
	}
}
