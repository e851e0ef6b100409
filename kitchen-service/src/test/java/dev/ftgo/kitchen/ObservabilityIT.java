package dev.ftgo.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The Prometheus scrape an operator gets from this service; the trace across Kafka is in CreateTicketIT. */
class ObservabilityIT extends RunningKitchenService {

	@Test
	void exposesHttpJvmDatabaseAndKafkaConsumerMetricsToPrometheus() {
		asAdmin().get("/api/v1/restaurants/" + UUID.randomUUID());

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus()).contains("http_server_requests_seconds_bucket{",
				"jvm_memory_used_bytes{", "jvm_gc_pause_seconds", "hikaricp_connections_active{",
				// the consumers of kitchen.commands and order.events: records-lag per partition once they fetched
				"kafka_consumer_fetch_manager_records_lag{", "kafka_consumer_fetch_manager_records_lag_max{"));
	}

	/** The scrape as Prometheus asks for it (ApiClient accepts only JSON). */
	private String prometheus() throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}
}
