package dev.ftgo.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

/**
 * The whole service on a random port against its own database in the test JVM's embedded PostgreSQL and
 * the test JVM's Kafka broker, with an outbox that records what it sends, checking tokens against the test
 * JVM's JWK set ({@link TestTokens}). Integration tests extend this so that they share one application
 * context: a second one would join the consumer group and take partitions away from the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RecordingOutboxWriter.Configuration.class)
public abstract class RunningKitchenService {

	/** Generous: the consumer group's first rebalance on a busy machine takes seconds. */
	protected static final Duration PATIENCE = Duration.ofSeconds(60);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "kitchen_service");
		// the listener containers start with the context, so the topics they read must exist before it
		TestKafka.createTopics("kitchen.commands", "kitchen.commands-dlt", "order.events", "order.events-dlt");
		registry.add("spring.kafka.bootstrap-servers", () -> TestKafka.bootstrapServers());
		TestTokens.register(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected RecordingOutboxWriter outbox;

	@AfterEach
	void outboxWorksAgain() {
		outbox.reset();
	}

	/** Sends no token: only the actuator and the API documents answer it. */
	protected ApiClient api() {
		return new ApiClient(port);
	}

	protected ApiClient asAdmin() {
		return api().withToken(TestTokens.admin());
	}

	/** Kitchen staff of the restaurant with this id (a UUID, a RestaurantId's value, or its string). */
	protected ApiClient asKitchenOf(Object restaurantId) {
		return api().withToken(TestTokens.kitchen(restaurantId));
	}

	protected ApiClient asConsumer(Object consumerId) {
		return api().withToken(TestTokens.consumer(consumerId));
	}

	/** As one of the callers of the roles table, relative to this restaurant and this consumer. */
	protected ApiClient as(Who who, UUID restaurantId, UUID consumerId) {
		return api().withAuthorization(who.authorization(restaurantId, consumerId));
	}

	/** A refusal of the security filter chain: problem+json, and the {@code WWW-Authenticate: Bearer} challenge. */
	protected static void assertUnauthorized(ApiClient.Response response) {
		assertProblem(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	protected static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.has("detail")).isTrue();
	}

	/** 200 with an empty list: what a caller gets for an order without a ticket, or with one that is not theirs. */
	protected static void assertNoTicketListed(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().isEmpty()).as(response.toString()).isTrue();
	}

	protected static List<String> errorFields(ApiClient.Response response) {
		assertThat(response.json().has("errors")).as(response.toString()).isTrue();
		return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}
}
