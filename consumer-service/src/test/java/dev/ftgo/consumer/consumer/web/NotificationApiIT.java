package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.ftgo.consumer.RunningConsumerService;
import dev.ftgo.consumer.consumer.ConsumerNotifications;
import dev.ftgo.consumer.consumer.NotifyConsumer;
import dev.ftgo.testsupport.ApiClient;

/**
 * {@code GET /api/v1/consumers/{id}/notifications}. The notifications are stored through the application
 * service, as the {@code NotifyConsumer} handler stores them; delivery over Kafka is ConsumerCommandsIT's. The
 * consumer reads its own notifications; who else may is {@link ConsumerAccessIT}'s.
 */
class NotificationApiIT extends RunningConsumerService {

	@Autowired
	ConsumerNotifications notifications;

	private String register() {
		var response = asAdmin().post("/api/v1/consumers", """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	private void notify(String consumerId, int count) {
		IntStream.rangeClosed(1, count).forEach(n -> notifications.receive(
				new NotifyConsumer(UUID.fromString(consumerId), UUID.randomUUID(), "subject " + n, "message " + n),
				UUID.randomUUID()));
	}

	private ApiClient.Response list(String consumerId, String query) {
		return asConsumer(consumerId).get("/api/v1/consumers/" + consumerId + "/notifications" + query);
	}

	@Test
	void listsNewestFirst() {
		var id = register();
		notify(id, 3);

		var response = list(id, "");

		assertThat(response.status()).isEqualTo(200);
		var items = response.json().get("notifications").valueStream().toList();
		assertThat(items).extracting(item -> item.get("subject").asString())
				.containsExactly("subject 3", "subject 2", "subject 1");
		assertThat(items.get(0).get("message").asString()).isEqualTo("message 3");
		assertThat(items).allSatisfy(item -> assertThat(item.has("notificationId") && item.has("orderId")
				&& item.has("receivedAt")).isTrue());
	}

	@Test
	void answersAnEmptyListForAConsumerWithoutNotifications() {
		var response = list(register(), "");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("notifications").isEmpty()).isTrue();
	}

	@Test
	void returnsAtMostFiftyByDefaultAndAtMostTheLimitAskedFor() {
		var id = register();
		notify(id, 51);

		assertThat(subjects(list(id, ""))).hasSize(50).startsWith("subject 51").endsWith("subject 2");
		assertThat(subjects(list(id, "?limit=2"))).containsExactly("subject 51", "subject 50");
		assertThat(subjects(list(id, "?limit=200"))).hasSize(51);
	}

	@Test
	void answersUnknownConsumersWith404() {
		assertProblem(list(UUID.randomUUID().toString(), ""), 404);
		assertProblem(asAdmin().get("/api/v1/consumers/" + UUID.randomUUID() + "/notifications"), 404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "201", "all", "1.5", "99999999999" })
	void refusesLimitsOutsideOneToTwoHundred(String limit) {
		var response = list(register(), "?limit=" + limit);

		assertProblem(response, 400);
		assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("limit");
	}

	@Test
	void doesNotEchoARejectedParameter() {
		var response = list(register(), "?limit=%3Cscript%3E");

		assertProblem(response, 400);
		assertThat(response.raw().body()).doesNotContain("script");
	}

	@Test
	void answersMalformedConsumerIdsWith400() {
		assertProblem(asAdmin().get("/api/v1/consumers/not-a-uuid/notifications"), 400);
	}

	@Test
	void documentsTheEndpoint() {
		var document = withoutToken().get("/v3/api-docs");

		assertThat(document.json().get("paths").has("/api/v1/consumers/{consumerId}/notifications")).isTrue();
	}

	private static List<String> subjects(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("notifications").valueStream().map(item -> item.get("subject").asString()).toList();
	}
}
