package dev.ftgo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRegistryApplicationTest {

	@LocalServerPort
	int port;

	/**
	 * Once the services had time to register again after a (re)start: before that, registry reads are refused, so
	 * that no client swaps the registry it has for an empty one.
	 */
	@Test
	void servesAnEmptyRegistryAndItsHealth() throws Exception {
		var http = HttpClient.newHttpClient();
		var read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps"))
				.header("Accept", "application/json").build();

		var apps = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
				.until(() -> http.send(read, HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() != 403);
		var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(apps.statusCode()).isEqualTo(200);
		assertThat(apps.body()).contains("\"applications\"");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
	}

	@Test
	void exposesHttpAndJvmMetricsToPrometheus() throws Exception {
		var http = HttpClient.newHttpClient();
		http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps"))
				.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

		var scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{", "process_cpu_usage ");
	}
}
