package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static dev.ftgo.gateway.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.ftgo.gateway.StubService.Answer;
import dev.ftgo.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/orders/{id}?expand=consumer,ticket}: the gateway asks order-service for the order,
 * then consumer-service and kitchen-service for the parts, and answers with all of it; a part that
 * fails is left out and named, the order's own refusal is passed on as it came.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrderCompositionTest extends StubbedServicesTestBase {

	private static final UUID CONSUMER = UUID.fromString("2c6e9a1f-4b3d-4e7a-8f5c-9d1b3a7e6c20");
	private static final String ORDER_ID = "8e3b1d7f-6a2c-4f95-b0d4-7c9e2a5f1b63";
	private static final String TICKET_ID = "1d5f9b3e-7c8a-4e26-a4b1-3f6d8c2e9a07";

	private final JsonMapper json = JsonMapper.builder().build();

	private static String order(String ticketId) {
		return """
				{"orderId": "%s", "consumerId": "%s", "restaurantId": "6b2d8f4a-3e9c-4a71-9c5e-2f8b4d6a1e39",
				 "state": "APPROVED", "ticketId": %s, "orderTotal": {"amount": "12.50", "currency": "USD"}}"""
			.formatted(ORDER_ID, CONSUMER, ticketId == null ? "null" : "\"" + ticketId + "\"");
	}

	private static final String CONSUMER_JSON = """
			{"consumerId": "%s", "name": {"firstName": "Ada", "lastName": "Lovelace"}, "status": "ACTIVE"}"""
		.formatted(CONSUMER);

	private static final String TICKET_JSON = """
			{"ticketId": "%s", "orderId": "%s", "state": "AWAITING_ACCEPTANCE"}""".formatted(TICKET_ID, ORDER_ID);

	private String token() {
		return TestTokens.consumer(CONSUMER);
	}

	private JsonNode expand(String expand) throws Exception {
		var response = send(as(token(), "/api/v1/orders/" + ORDER_ID + "?expand=" + expand));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		return json.readTree(response.body());
	}

	@Test
	void addsTheConsumerAndTheTicketToTheOrder() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));
		kitchenService.willAnswer(Answer.json(TICKET_JSON));

		var composed = expand("consumer,ticket");

		assertThat(composed.path("orderId").asString()).isEqualTo(ORDER_ID);
		assertThat(composed.path("orderTotal").path("amount").asString()).isEqualTo("12.50");
		assertThat(composed.path("consumer").path("name").path("firstName").asString()).isEqualTo("Ada");
		assertThat(composed.path("ticket").path("ticketId").asString()).isEqualTo(TICKET_ID);
		assertThat(composed.path("unavailable").isArray()).isTrue();
		assertThat(composed.path("unavailable")).isEmpty();
		assertThat(orderService.lastPath()).isEqualTo("/api/v1/orders/" + ORDER_ID);
		assertThat(consumerService.lastPath()).isEqualTo("/api/v1/consumers/" + CONSUMER);
		assertThat(kitchenService.lastPath()).isEqualTo("/api/v1/tickets/" + TICKET_ID);
	}

	@Test
	void relaysTheCallersTokenAndTraceToEveryService() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));
		kitchenService.willAnswer(Answer.json(TICKET_JSON));
		var token = token();
		var traceId = "0af7651916cd43dd8448eb211c80319c";

		var response = send(as(token, "/api/v1/orders/" + ORDER_ID + "?expand=consumer,ticket")
			.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

		assertThat(response.statusCode()).isEqualTo(200);
		for (var service : new StubService[] { orderService, consumerService, kitchenService }) {
			assertThat(service.lastAuthorization()).isEqualTo("Bearer " + token);
			assertThat(service.lastTraceparent()).startsWith("00-" + traceId + "-");
		}
	}

	@Test
	void addsOnlyThePartsAskedFor() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));

		var composed = expand("consumer");

		assertThat(composed.has("consumer")).isTrue();
		assertThat(composed.has("ticket")).isFalse();
		assertThat(composed.path("unavailable")).isEmpty();
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void leavesOutAConsumerThatFailsAndStillAnswers200() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(new Answer(500, "{\"status\": 500}"));
		kitchenService.willAnswer(Answer.json(TICKET_JSON));

		var composed = expand("consumer,ticket");

		assertThat(composed.get("consumer").isNull()).isTrue();
		assertThat(composed.path("ticket").path("ticketId").asString()).isEqualTo(TICKET_ID);
		assertThat(composed.path("unavailable")).extracting(JsonNode::asString).containsExactly("consumer");
	}

	@Test
	void leavesOutATicketThatTakesTooLong() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));
		kitchenService.willAnswer(Answer.hang());

		var composed = expand("consumer,ticket");

		assertThat(composed.path("consumer").path("consumerId").asString()).isEqualTo(CONSUMER.toString());
		assertThat(composed.get("ticket").isNull()).isTrue();
		assertThat(composed.path("unavailable")).extracting(JsonNode::asString).containsExactly("ticket");
	}

	@Test
	void leavesOutAPartWhoseServiceIsDown() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.drop());
		kitchenService.willAnswer(Answer.drop());

		var composed = expand("ticket,consumer");

		assertThat(composed.get("consumer").isNull()).isTrue();
		assertThat(composed.get("ticket").isNull()).isTrue();
		assertThat(composed.path("unavailable")).extracting(JsonNode::asString).containsExactly("consumer", "ticket");
	}

	@Test
	void doesNotCallAPartWhoseBreakerIsOpen() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));
		breakers.circuitBreaker("expand-ticket").transitionToOpenState();

		var composed = expand("consumer,ticket");

		assertThat(composed.get("ticket").isNull()).isTrue();
		assertThat(composed.path("unavailable")).extracting(JsonNode::asString).containsExactly("ticket");
		assertThat(kitchenService.calls()).isZero();
	}

	@Test
	void answersNullWithoutUnavailableForAnOrderWithoutTicketYet() throws Exception {
		orderService.willAnswer(Answer.json(order(null)));
		consumerService.willAnswer(Answer.json(CONSUMER_JSON));

		var composed = expand("consumer,ticket");

		assertThat(composed.has("ticket")).isTrue();
		assertThat(composed.get("ticket").isNull()).isTrue();
		assertThat(composed.path("unavailable")).isEmpty();
		assertThat(kitchenService.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "customer", "Consumer", "", "consumer,", "consumer,ticket,menu" })
	void refusesAnExpandItDoesNotKnowWith400(String expand) throws Exception {
		var response = send(as(token(), "/api/v1/orders/" + ORDER_ID + "?expand=" + expand));

		assertProblem(response, 400);
		assertThat(response.body()).contains("consumer, ticket");
		assertThat(orderService.calls()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 403 })
	void passesOnTheOrderServicesRefusal(int status) throws Exception {
		orderService.willAnswer(Answer.problem(status, "No order " + ORDER_ID + "."));

		var response = send(as(token(), "/api/v1/orders/" + ORDER_ID + "?expand=consumer,ticket"));

		assertProblem(response, status);
		assertThat(response.body()).contains("No order " + ORDER_ID + ".");
		assertThat(consumerService.calls() + kitchenService.calls()).isZero();
	}

	@Test
	void answers503WhenOrderServiceIsDown() throws Exception {
		orderService.willAnswer(Answer.drop());

		var response = send(as(token(), "/api/v1/orders/" + ORDER_ID + "?expand=consumer"));

		assertUnavailable(response, "5", "order-service is not reachable right now.");
		assertThat(consumerService.calls()).isZero();
	}

	@Test
	void composesV2OrdersToo() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));
		kitchenService.willAnswer(Answer.json(TICKET_JSON));

		var response = send(as(token(), "/api/v2/orders/" + ORDER_ID + "?expand=ticket"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(orderService.lastPath()).isEqualTo("/api/v2/orders/" + ORDER_ID);
		assertThat(json.readTree(response.body()).path("ticket").path("ticketId").asString()).isEqualTo(TICKET_ID);
	}

	@Test
	void leavesAnOrderWithoutExpandToTheRoute() throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)));

		var response = send(as(token(), "/api/v1/orders/" + ORDER_ID + "?other=1"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(order(TICKET_ID)).doesNotContain("unavailable");
		assertThat(orderService.lastQuery()).isEqualTo("other=1");
		assertThat(consumerService.calls() + kitchenService.calls()).isZero();
	}

	@Test
	void refusesKitchenStaffBeforeComposing() throws Exception {
		var response = send(as(TestTokens.kitchen(UUID.randomUUID()), "/api/v1/orders/" + ORDER_ID + "?expand=ticket"));

		assertProblem(response, 403);
		assertThat(orderService.calls()).isZero();
	}

	@Test
	void needsATokenLikeEveryApiCall() throws Exception {
		assertProblem(send(anonymous("/api/v1/orders/" + ORDER_ID + "?expand=ticket")), 401);
	}

	@Test
	void measuresItsCallsApartFromTheRoutes(CapturedOutput output) throws Exception {
		orderService.willAnswer(Answer.json(order(TICKET_ID)), Answer.problem(404, "No order."));
		send(as(token(), "/api/v1/orders/" + ORDER_ID));
		send(as(token(), "/api/v1/orders/" + ORDER_ID + "?expand=ticket"));

		var scrape = send(anonymous("/actuator/prometheus"));

		assertThat(scrape.body()).contains("gateway_composition_requests_seconds_count{", "http_client_requests_seconds_count{");
		assertThat(output.getAll()).doesNotContain("registration has failed");
	}
}
