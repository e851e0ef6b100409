package dev.ftgo.order;

import static dev.ftgo.order.OutboxLog.sentAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.ftgo.order.OutboxLog.Sent;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * What an operator sees of this service: the Prometheus scrape, and one trace id from the caller's
 * {@code traceparent} through the calls to other services, the messages sent through the outbox, the kitchen's
 * reply and the approval it causes, and the log lines on the way.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends WithStubbedServices {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	CircuitBreakerRegistry breakers;

	@Test
	void exposesHttpJvmResilienceAndKafkaConsumerMetricsToPrometheus() throws Exception {
		placeOrder(UUID.randomUUID(), givenRestaurant());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape()).contains(
				"http_server_requests_seconds_bucket{", "http_client_requests_seconds_count{",
				"jvm_memory_used_bytes{", "jvm_threads_live_threads ", "hikaricp_connections_active{",
				"resilience4j_circuitbreaker_state{", "resilience4j_bulkhead_available_concurrent_calls{",
				"resilience4j_retry_calls_total{",
				// the subscriptions' consumers: records-lag per partition once they fetched, and its maximum
				"kafka_consumer_fetch_manager_records_lag{", "kafka_consumer_fetch_manager_records_lag_max{",
				// each handled record, as the listener observation times it
				"spring_kafka_listener_seconds_count{"));
		assertThat(scrape())
				.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"kitchen-service\",state=\"closed\"} 1.0")
				.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"consumer-service\",state=\"closed\"} 1.0");
	}

	@Test
	void oneTraceFollowsAnOrderFromTheRequestThroughItsCallsAndMessagesToTheApproval() {
		String traceId = hex(32);
		var consumerId = UUID.randomUUID();
		var restaurantId = givenRestaurant();

		var response = post(consumerId, "/api/v1/orders", orderJson(consumerId, restaurantId), "traceparent",
				"00-" + traceId + "-" + hex(16) + "-01");

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var orderId = UUID.fromString(response.json().get("orderId").asString());
		// the calls to the other services, through the @LoadBalanced RestClient
		assertThat(CONSUMERS.received()).filteredOn(request -> request.path().contains(consumerId.toString()))
				.singleElement().satisfies(call -> assertThat(call.traceparent()).contains(traceId));
		assertThat(KITCHEN.received()).filteredOn(request -> request.path().contains(restaurantId.toString()))
				.isNotEmpty().allSatisfy(call -> assertThat(call.traceparent()).contains(traceId));
		// the messages the request sent, as the relay will publish them
		Sent createTicket = awaitSent(orderId, "CreateTicket");
		assertThat(createTicket.traceparent()).startsWith("00-" + traceId + "-");
		assertThat(awaitSent(orderId, "OrderCreated").traceparent()).startsWith("00-" + traceId + "-");

		// the kitchen answers in the same trace (its own span); the approval it causes stays in it
		Relay.publishReply("order.replies", orderId.toString(), "TicketCreated", """
				{"orderId": "%s", "ticketId": "%s"}""".formatted(orderId, UUID.randomUUID()), createTicket.id(),
				"00-" + traceId + "-" + hex(16) + "-01");

		awaitState(orderId, "APPROVED");
		assertThat(awaitSent(orderId, "OrderApproved").traceparent()).startsWith("00-" + traceId + "-");
	}

	@Test
	void logLinesCarryTheTraceAndSpanIdsOfTheRequest(CapturedOutput output) {
		String traceId = hex(32);
		var consumerId = UUID.randomUUID();
		CONSUMERS.on("POST", "/api/v1/consumers/" + consumerId + "/order-validations", 500, """
				{"title": "Internal Server Error", "status": 500}""");
		try {
			var response = post(consumerId, "/api/v1/orders", orderJson(consumerId, givenRestaurant()), "traceparent",
					"00-" + traceId + "-" + hex(16) + "-01");

			assertThat(response.status()).as(response.toString()).isEqualTo(503);
			// Boot's correlation pattern: [<trace id>-<span id>] on each line logged while the request is handled
			assertThat(output.getOut()).containsPattern("\\[" + traceId + "-[0-9a-f]{16}\\] .*Call to consumer-service failed");
		}
		finally {
			// the failure counted against the breaker; the next test class starts from a clean one
			breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		}
	}

	private Sent awaitSent(UUID orderId, String type) {
		await().atMost(PATIENCE).until(() -> !sentAbout(orderId, type).isEmpty());
		return sentAbout(orderId, type).get(0);
	}

	/** The scrape as Prometheus asks for it (ApiClient accepts only JSON). */
	private String scrape() throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String hex(int digits) {
		return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, digits);
	}
}
