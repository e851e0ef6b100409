package dev.ftgo.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestKafka;

import tools.jackson.databind.JsonNode;

/** The relay application started in the test JVM, configured the way a launcher configures the jar. */
final class RelayRun implements AutoCloseable {

	private final ConfigurableApplicationContext context;
	private final int port;
	private final ApiClient api;

	private RelayRun(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		this.api = new ApiClient(port);
	}

	static RelayRun start(Map<String, Object> settings) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.jmx.enabled", "false");
		// the messaging library is on the test classpath only (to write outbox rows); the relay has no DataSource
		properties.put("spring.autoconfigure.exclude", String.join(",",
				"dev.ftgo.messaging.MessagingAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"));
		// no registry in these tests; the relay registers only for the gateway's sake
		properties.put("eureka.client.enabled", "false");
		properties.put("ftgo.relay.kafka.bootstrap-servers", TestKafka.broker().bootstrapServers());
		properties.put("ftgo.relay.engine.heartbeat-interval", "1s");
		properties.put("ftgo.relay.engine.restart-max-backoff", "2s");
		properties.putAll(settings);
		// as command-line arguments, the way a launcher passes them: they override application.yml
		String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new);
		return new RelayRun(new SpringApplicationBuilder(CdcRelayApplication.class).run(arguments));
	}

	JsonNode health() {
		return api.get("/actuator/health").json();
	}

	/** The health component of one source's engine. */
	JsonNode engine(String source) {
		return health().path("components").path("engines").path("components").path(source);
	}

	boolean isStreaming(String source) {
		return "RUNNING".equals(engine(source).path("details").path("state").asText());
	}

	/** The Prometheus scrape, which the JSON-only ApiClient does not accept. */
	String prometheus() {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	ApiClient api() {
		return api;
	}

	int port() {
		return port;
	}

	@Override
	public void close() {
		context.close();
	}
}
