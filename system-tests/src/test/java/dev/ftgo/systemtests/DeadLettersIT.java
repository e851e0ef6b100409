package dev.ftgo.systemtests;

import static dev.ftgo.systemtests.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ftgo.devstack.Stack;
import dev.ftgo.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * A poison message through the dead-letter admin API, end to end on the real stack: a {@code NotifyConsumer} that
 * consumer-service's database refuses (a trigger stands in for the fault) is retried, parked on
 * {@code consumer.commands-dlt} and listed at the gateway; once the fault is gone an admin replays it, the
 * notification is stored once, and replaying it again (refused, then forced) stores nothing more. Only admins get
 * in. Prints the round trip: poison sent to listed, replay to applied.
 */
@ExtendWith(SharedStack.class)
@Order(SharedStack.FIRST + 1)
class DeadLettersIT {

	private static final String API = "/api/v1/admin/dead-letters";
	private static final String DLT = "consumer.commands-dlt";
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private static Stack stack;
	private static Fixtures fixtures;
	private static KafkaTopics kafka;
	private static ApiClient anonymous;

	@BeforeAll
	static void connect(Stack shared) {
		stack = shared;
		fixtures = new Fixtures(stack);
		kafka = new KafkaTopics("127.0.0.1:" + stack.ports().kafka());
		anonymous = new ApiClient(stack.ports().gateway());
		// the relay starts in the stack's last stage, beside the gateway, which learns of it from Eureka seconds later
		await().atMost(PATIENCE).until(() -> fixtures.asAdmin().get(API + "?limit=1").status() == 200);
	}


	@Test
	void parksAPoisonMessageAndReplaysItOnceTheCauseIsFixed() {
		var consumerId = fixtures.consumer("500.00");
		var subject = "Poison " + UUID.randomUUID();
		var messageId = UUID.randomUUID().toString();
		JsonNode listed;
		long sentToListedMs;
		try (var fault = NotificationFault.refuse(stack, subject)) {
			long sent = System.nanoTime();
			kafka.publish("consumer.commands", new KafkaTopics.Record(consumerId, """
					{"consumerId": "%s", "subject": "%s", "message": "Your order was approved."}"""
				.formatted(consumerId, subject), Map.of("id", messageId, "type", "NotifyConsumer", "schemaVersion", "1")));

			listed = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
				.until(() -> find(messageId), Optional::isPresent).orElseThrow();
			sentToListedMs = (System.nanoTime() - sent) / 1_000_000;
		}
		assertThat(listed.get("originalTopic").asString()).isEqualTo("consumer.commands");
		assertThat(listed.get("key").asString()).isEqualTo(consumerId);
		assertThat(listed.get("type").asString()).isEqualTo("NotifyConsumer");
		assertThat(listed.get("subscriber").asString()).isEqualTo("consumer-service");
		assertThat(listed.get("reason").asString()).contains("refused by the fault of DeadLettersIT");
		assertThat(listed.get("replay").isNull()).isTrue();
		assertThat(subjects(consumerId, subject)).isZero();

		var position = API + "/" + DLT + "/" + listed.get("partition").asInt() + "/" + listed.get("offset").asLong();
		var shown = fixtures.asAdmin().get(position);
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		assertThat(shown.json().at("/payload/subject").asString()).isEqualTo(subject);
		assertThat(shown.json().at("/headers/id").asString()).isEqualTo(messageId);

		long replayed = System.nanoTime();
		var replay = fixtures.asAdmin().post(position + "/replay", null);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		assertThat(replay.json().get("replayedBy").asString()).isEqualTo("admin");
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> subjects(consumerId, subject) == 1);
		long replayToAppliedMs = (System.nanoTime() - replayed) / 1_000_000;

		var again = fixtures.asAdmin().post(position + "/replay", null);
		assertProblem(again, 409);
		assertThat(again.json().at("/previousReplay/replayedBy").asString()).isEqualTo("admin");
		var forced = fixtures.asAdmin().post(position + "/replay?force=true", null);
		assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
		await().atMost(PATIENCE).until(() -> kafka.caughtUp("consumer-service", "consumer.commands"));
		assertThat(subjects(consumerId, subject)).as("notifications after the forced second replay").isEqualTo(1);
		assertThat(find(messageId)).hasValueSatisfying(
				letter -> assertThat(letter.at("/replay/replayedBy").asString()).isEqualTo("admin"));

		System.out.printf("Dead-letter round trip: poison message sent -> listed at the gateway %d ms; "
				+ "replay requested -> notification stored %d ms%n", sentToListedMs, replayToAppliedMs);
	}

	@Test
	void letsOnlyAdminsIn() {
		var consumer = fixtures.asConsumer(UUID.randomUUID().toString());

		assertProblem(consumer.get(API), 403);
		assertProblem(consumer.post(API + "/" + DLT + "/replay", null), 403);
		assertProblem(anonymous.get(API), 401);
	}

	@Test
	void answersBadRequestsWithProblems() {
		var admin = fixtures.asAdmin();

		assertProblem(admin.get(API + "?topic=consumer.commands"), 400);
		assertProblem(admin.get(API + "?limit=0"), 400);
		assertProblem(admin.get(API + "/" + DLT + "/0/not-an-offset"), 400);
		assertProblem(admin.get(API + "/consumer.commands/0/0"), 404);
		assertProblem(admin.get(API + "/" + DLT + "/0/" + Long.MAX_VALUE), 404);
		assertProblem(admin.post(API + "/" + DLT + "/0/" + Long.MAX_VALUE + "/replay", null), 404);
	}

	private static Optional<JsonNode> find(String messageId) {
		var response = fixtures.asAdmin().get(API + "?topic=" + DLT);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("deadLetters").spliterator(), false)
			.filter(letter -> letter.path("messageId").isString() && messageId.equals(letter.get("messageId").asString()))
			.findFirst();
	}

	/** How many of the consumer's notifications have this subject, read through the gateway. */
	private static long subjects(String consumerId, String subject) {
		var response = fixtures.asAdmin().get("/api/v1/consumers/" + consumerId + "/notifications");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("notifications").spliterator(), false)
			.filter(notification -> subject.equals(notification.get("subject").asString()))
			.count();
	}

	/** consumer-service's database refuses to store a notification with one subject, until closed. */
	private record NotificationFault(Stack stack) implements AutoCloseable {

		private static final String DATABASE = "consumer_service";

		static NotificationFault refuse(Stack stack, String subject) {
			execute(stack, """
					CREATE FUNCTION dead_letters_it_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
					  IF NEW.subject = '%s' THEN
					    RAISE EXCEPTION 'notification refused by the fault of DeadLettersIT';
					  END IF;
					  RETURN NEW;
					END $$;
					CREATE TRIGGER dead_letters_it_refuse BEFORE INSERT ON notification
					  FOR EACH ROW EXECUTE FUNCTION dead_letters_it_refuse();""".formatted(subject));
			return new NotificationFault(stack);
		}

		@Override
		public void close() {
			execute(stack, "DROP TRIGGER dead_letters_it_refuse ON notification; DROP FUNCTION dead_letters_it_refuse();");
		}

		private static void execute(Stack stack, String sql) {
			try (var connection = DriverManager.getConnection(stack.postgres().jdbcUrl(DATABASE), DATABASE, DATABASE);
					var statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not change the fault on " + DATABASE + ": " + e.getMessage(), e);
			}
		}
	}
}
