package dev.ftgo.consumer.consumer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.consumer.RunningConsumerService;
import dev.ftgo.testsupport.RelayedRecord;
import dev.ftgo.testsupport.TestKafka;

import tools.jackson.databind.JsonNode;

/**
 * What consumer-service does with {@code consumer.commands}: records produced to a real broker exactly as
 * cdc-relay produces them, and the outcome read back through the API and the database.
 */
class ConsumerCommandsIT extends RunningConsumerService {

	private static final String DEAD_LETTERS = ConsumerCommandHandlers.TOPIC + "-dlt";
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesANotificationTheConsumerCanRead() {
		var consumerId = register();
		var orderId = UUID.randomUUID();

		var messageId = send(consumerId, "NotifyConsumer", """
				{"consumerId": "%s", "orderId": "%s", "subject": "Order approved", "message": "Your order is being prepared."}"""
				.formatted(consumerId, orderId));

		var notification = awaitNotifications(consumerId, 1).get(0);
		assertThat(notification.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(notification.get("subject").asString()).isEqualTo("Order approved");
		assertThat(notification.get("message").asString()).isEqualTo("Your order is being prepared.");
		assertThat(UUID.fromString(notification.get("notificationId").asString())).isNotNull();
		assertThat(Instant.parse(notification.get("receivedAt").asString())).isBefore(Instant.now());
		assertThat(processed(messageId)).isEqualTo(1);
	}

	@Test
	void exposesHttpJvmDatabaseAndKafkaConsumerMetricsToPrometheus() throws Exception {
		var consumerId = register();
		send(consumerId, "NotifyConsumer", notifyConsumer(consumerId, "Order approved"));
		awaitNotifications(consumerId, 1);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus()).contains("http_server_requests_seconds_bucket{",
				"jvm_memory_used_bytes{", "hikaricp_connections_active{",
				// the consumer.commands consumers: records-lag per partition once they fetched, and its maximum
				"kafka_consumer_fetch_manager_records_lag{", "kafka_consumer_fetch_manager_records_lag_max{",
				"spring_kafka_listener_seconds_count{"));
	}

	@Test
	void storesACommandDeliveredTwiceOnce() {
		var consumerId = register();
		var twice = RelayedRecord.of(ConsumerCommandHandlers.TOPIC, consumerId, "NotifyConsumer",
				notifyConsumer(consumerId, "Order approved"));

		twice.send().send();
		// same key, same partition: once the later one is stored, both copies were handled
		send(consumerId, "NotifyConsumer", notifyConsumer(consumerId, "Order ready for pickup"));

		var notifications = awaitNotifications(consumerId, 2);
		assertThat(notifications).extracting(notification -> notification.get("subject").asString())
				.containsExactly("Order ready for pickup", "Order approved");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE message_id = ?", Integer.class, twice.id()))
				.isEqualTo(1);
	}

	@Test
	void acceptsFieldsItDoesNotKnow() {
		var consumerId = register();

		send(consumerId, "NotifyConsumer", """
				{"consumerId": "%s", "orderId": "%s", "subject": "Order rejected", "message": "The restaurant is closed.",
				 "channel": "email", "priority": {"level": 2}}""".formatted(consumerId, UUID.randomUUID()));

		assertThat(awaitNotifications(consumerId, 1).get(0).get("subject").asString()).isEqualTo("Order rejected");
	}

	@Test
	void recordsAndIgnoresAnUnknownType() {
		var consumerId = register();

		var unknown = send(consumerId, "ChangeConsumerLimit", "{\"consumerId\": \"%s\", \"amount\": \"1.00\"}".formatted(consumerId));
		send(consumerId, "NotifyConsumer", notifyConsumer(consumerId, "after the unknown one"));

		assertThat(awaitNotifications(consumerId, 1).get(0).get("subject").asString()).isEqualTo("after the unknown one");
		assertThat(processed(unknown)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE message_id = ?", Integer.class, unknown)).isZero();
	}

	@Test
	void skipsANotificationForAnUnknownConsumer() {
		var stranger = UUID.randomUUID().toString();

		var messageId = send(stranger, "NotifyConsumer", notifyConsumer(stranger, "to nobody"));

		await().atMost(PATIENCE).until(() -> processed(messageId) == 1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE message_id = ?", Integer.class, messageId)).isZero();
	}

	@Test
	void shortensOverLongTextsInsteadOfRefusingThem() {
		var consumerId = register();
		var emoji = "\uD83D\uDE00";

		send(consumerId, "NotifyConsumer", """
				{"consumerId": "%s", "orderId": null, "subject": "%s", "message": "%s"}"""
				.formatted(consumerId, emoji.repeat(300), "m".repeat(2500)));

		var notification = awaitNotifications(consumerId, 1).get(0);
		assertThat(notification.get("subject").asString()).isEqualTo(emoji.repeat(199) + "…");
		assertThat(notification.get("message").asString()).hasSize(2000).endsWith("m…");
		assertThat(notification.get("orderId").isNull()).isTrue();
	}

	@Test
	void parksACommandWithoutAConsumerAndHandlesTheNextOne() {
		var consumerId = register();

		var broken = send(consumerId, "NotifyConsumer", "{\"subject\": \"no consumer\", \"message\": \"m\"}");
		send(consumerId, "NotifyConsumer", notifyConsumer(consumerId, "after the broken one"));

		assertThat(awaitNotifications(consumerId, 1).get(0).get("subject").asString()).isEqualTo("after the broken one");
		await().atMost(PATIENCE).until(() -> deadLetters().contains(broken.toString()));
		assertThat(processed(broken)).isZero();
	}

	private String register() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Grace", "lastName": "Hopper"}, "email": "grace@example.com"}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	private static String notifyConsumer(String consumerId, String subject) {
		return """
				{"consumerId": "%s", "orderId": "%s", "subject": "%s", "message": "About your order."}"""
				.formatted(consumerId, UUID.randomUUID(), subject);
	}

	/** A record as cdc-relay writes it: key = consumer id, value = the JSON payload; answers its message id. */
	private UUID send(String key, String type, String json) {
		return RelayedRecord.of(ConsumerCommandHandlers.TOPIC, key, type, json).send().id();
	}

	/** Waits until the consumer has {@code count} notifications and returns them as the API lists them. */
	private List<JsonNode> awaitNotifications(String consumerId, int count) {
		List<JsonNode> notifications = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			var response = asConsumer(consumerId).get("/api/v1/consumers/" + consumerId + "/notifications");
			assertThat(response.status()).isEqualTo(200);
			notifications.clear();
			response.json().get("notifications").valueStream().forEach(notifications::add);
			return notifications.size() >= count;
		});
		assertThat(notifications).hasSize(count);
		return notifications;
	}

	/** The scrape as Prometheus asks for it (ApiClient accepts only JSON). */
	private String prometheus() throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private int processed(UUID messageId) {
		return jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE subscriber = 'consumer-service' AND message_id = ?",
				Integer.class, messageId);
	}

	/** The ids of the messages on the dead-letter topic, read to its end. */
	private List<String> deadLetters() {
		return TestKafka.readToEnd(DEAD_LETTERS, PATIENCE).stream().map(record -> record.headers().lastHeader("id"))
				.map(id -> id == null ? null : new String(id.value(), StandardCharsets.UTF_8)).toList();
	}
}
