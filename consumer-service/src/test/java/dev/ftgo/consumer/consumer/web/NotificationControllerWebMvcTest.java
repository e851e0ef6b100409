package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerNotifications;
import dev.ftgo.testsupport.TestTokens;

/**
 * The notification endpoint alone, behind the service's security: validation, error mapping and who may read, with
 * {@link ConsumerNotifications} mocked. Requests are an admin's unless a test says otherwise.
 */
@WebMvcTest(controllers = NotificationController.class, properties = "eureka.client.enabled=false")
class NotificationControllerWebMvcTest {

	private static final String ADMIN = "Bearer " + TestTokens.admin();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ConsumerNotifications notifications;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	private static String notificationsOf(Object consumerId) {
		return "/api/v1/consumers/" + consumerId + "/notifications";
	}

	@Test
	void listsTheLatestNotificationsNewestFirst() {
		var consumerId = ConsumerId.random();
		var orderId = UUID.randomUUID();
		var newest = ConsumerFixtures.notification(UUID.randomUUID(), consumerId, orderId, "Order approved",
				"Your order was approved.", Instant.parse("2026-01-01T12:05:00Z"));
		var older = ConsumerFixtures.notification(UUID.randomUUID(), consumerId, null, "Welcome", "Hello, Ada.",
				Instant.parse("2026-01-01T12:00:00Z"));
		given(notifications.latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT)).willReturn(List.of(newest, older));

		var result = mvc.get().uri(notificationsOf(consumerId)).header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"notifications": [
				  {"notificationId": "%s", "orderId": "%s", "subject": "Order approved",
				   "message": "Your order was approved.", "receivedAt": "2026-01-01T12:05:00Z"},
				  {"notificationId": "%s", "orderId": null, "subject": "Welcome",
				   "message": "Hello, Ada.", "receivedAt": "2026-01-01T12:00:00Z"}]}"""
				.formatted(newest.id(), orderId, older.id()));
	}

	@Test
	void answersAnEmptyListForAConsumerWithoutNotifications() {
		var consumerId = ConsumerId.random();
		given(notifications.latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT)).willReturn(List.of());

		var result = mvc.get().uri(notificationsOf(consumerId)).header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"notifications\": []}");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, ConsumerNotifications.MAX_LIMIT })
	void passesTheLimitOn(int limit) {
		var consumerId = ConsumerId.random();
		given(notifications.latest(consumerId, limit)).willReturn(List.of());

		var result = mvc.get().uri(notificationsOf(consumerId)).param("limit", Integer.toString(limit))
				.header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk();
		then(notifications).should().latest(consumerId, limit);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "201" })
	void refusesALimitOutOfRange(String limit) {
		var result = mvc.get().uri(notificationsOf(ConsumerId.random())).param("limit", limit)
				.header(AUTHORIZATION, ADMIN).exchange();

		assertInvalid(result, "limit");
		verifyNoInteractions(notifications);
	}

	@ParameterizedTest
	@ValueSource(strings = { "all", "1.5", "99999999999" })
	void refusesALimitThatIsNotAnInt(String limit) {
		var result = mvc.get().uri(notificationsOf(ConsumerId.random())).param("limit", limit)
				.header(AUTHORIZATION, ADMIN).exchange();

		assertInvalid(result, "limit");
		verifyNoInteractions(notifications);
	}

	@Test
	void appliesTheDefaultLimitToAnEmptyLimit() {
		var consumerId = ConsumerId.random();
		given(notifications.latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT)).willReturn(List.of());

		assertThat(mvc.get().uri(notificationsOf(consumerId)).param("limit", "").header(AUTHORIZATION, ADMIN).exchange())
				.hasStatusOk();
		then(notifications).should().latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT);
	}

	@Test
	void answersAMalformedConsumerIdWith400() {
		assertInvalid(mvc.get().uri(notificationsOf("not-a-uuid")).header(AUTHORIZATION, ADMIN).exchange(), "consumerId");
		verifyNoInteractions(notifications);
	}

	@Test
	void answersAnUnknownConsumerWith404() {
		var consumerId = ConsumerId.random();
		given(notifications.latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT))
				.willThrow(ConsumerFixtures.notFound(consumerId));

		assertProblem(mvc.get().uri(notificationsOf(consumerId)).header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.NOT_FOUND, "Consumer not found", "No consumer with id " + consumerId);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		var result = mvc.post().uri(notificationsOf(ConsumerId.random())).contentType(MediaType.APPLICATION_JSON)
				.content("{}").header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(notifications);
	}

	// --- who may read: checked before the notifications are asked for ---

	@Test
	void letsAConsumerReadItsOwnNotifications() {
		var consumerId = ConsumerId.random();
		given(notifications.latest(consumerId, ConsumerNotifications.DEFAULT_LIMIT)).willReturn(List.of());

		var result = mvc.get().uri(notificationsOf(consumerId))
				.header(AUTHORIZATION, "Bearer " + TestTokens.consumer(consumerId.value())).exchange();

		assertThat(result).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "consumer", "kitchen" })
	void refusesAnyoneElseWith403(String role) {
		var token = role.equals("consumer") ? TestTokens.consumer(UUID.randomUUID()) : TestTokens.kitchen(UUID.randomUUID());

		var result = mvc.get().uri(notificationsOf(ConsumerId.random())).header(AUTHORIZATION, "Bearer " + token).exchange();

		assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "Only an admin or the consumer itself may do this.");
		verifyNoInteractions(notifications);
	}

	@Test
	void answersARequestWithoutATokenWith401() {
		assertProblem(mvc.get().uri(notificationsOf(ConsumerId.random())).exchange(), HttpStatus.UNAUTHORIZED);
		verifyNoInteractions(notifications);
	}
}
