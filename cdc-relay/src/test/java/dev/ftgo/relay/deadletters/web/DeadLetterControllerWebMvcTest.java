package dev.ftgo.relay.deadletters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.relay.deadletters.AlreadyReplayedException;
import dev.ftgo.relay.deadletters.DeadLetter;
import dev.ftgo.relay.deadletters.DeadLetterId;
import dev.ftgo.relay.deadletters.DeadLetters;
import dev.ftgo.relay.deadletters.InvalidDeadLetterRequestException;
import dev.ftgo.relay.deadletters.Replay;
import dev.ftgo.relay.deadletters.UnknownDeadLetterTopicException;
import dev.ftgo.testsupport.TestTokens;

/**
 * The admin API alone, behind the relay's security: who may call it, the JSON it answers and every refusal as a
 * problem, with {@link DeadLetters} mocked. Requests are an admin's unless a test says otherwise.
 */
@WebMvcTest(controllers = DeadLetterController.class, properties = "eureka.client.enabled=false")
class DeadLetterControllerWebMvcTest {

	private static final String ADMIN = "Bearer " + TestTokens.admin();
	private static final String PATH = "/api/v1/admin/dead-letters";
	private static final DeadLetterId ID = new DeadLetterId("consumer.commands-dlt", 1, 4);
	private static final Instant PARKED = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeadLetters deadLetters;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	private static DeadLetter letter() {
		return new DeadLetter(ID, "c-1", "m-1", "NotifyConsumer", "consumer.commands", 2, 17L, "consumer-service",
				"org.springframework.kafka.listener.ListenerExecutionFailedException", "PSQLException: refused", PARKED,
				Map.of("id", "m-1", "type", "NotifyConsumer"), "{\"consumerId\":\"c-1\"}".getBytes());
	}

	@Test
	void listsTheDeadLettersForAnAdmin() {
		given(deadLetters.topics()).willReturn(List.of("consumer.commands-dlt"));
		given(deadLetters.list(Optional.of("consumer.commands-dlt"), 10))
			.willReturn(List.of(new DeadLetters.Entry(letter(), Optional.empty())));

		var result = mvc.get().uri(PATH + "?topic=consumer.commands-dlt&limit=10").header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"topics": ["consumer.commands-dlt"], "deadLetters": [
				  {"topic": "consumer.commands-dlt", "partition": 1, "offset": 4, "key": "c-1", "type": "NotifyConsumer",
				   "messageId": "m-1", "originalTopic": "consumer.commands", "originalPartition": 2, "originalOffset": 17,
				   "subscriber": "consumer-service",
				   "exceptionClass": "org.springframework.kafka.listener.ListenerExecutionFailedException",
				   "reason": "PSQLException: refused", "parkedAt": "2026-03-01T10:00:00Z", "replay": null}]}""");
	}

	@Test
	void showsOneWithItsHeadersAndJsonPayload() {
		given(deadLetters.show(ID)).willReturn(new DeadLetters.Entry(letter(), Optional.empty()));

		var result = mvc.get().uri(PATH + "/consumer.commands-dlt/1/4").header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.payload.consumerId").isEqualTo("c-1");
		assertThat(result).bodyJson().extractingPath("$.headers.id").isEqualTo("m-1");
	}

	@Test
	void replaysAsTheCallersSubject() {
		var replay = new Replay(ID, "consumer.commands", 2, 30, "admin", PARKED);
		given(deadLetters.replay(ID, "admin", true)).willReturn(replay);

		var result = mvc.post().uri(PATH + "/consumer.commands-dlt/1/4/replay?force=true").header(AUTHORIZATION, ADMIN)
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"deadLetter": {"topic": "consumer.commands-dlt", "partition": 1, "offset": 4},
				 "sentTo": {"topic": "consumer.commands", "partition": 2, "offset": 30},
				 "replayedBy": "admin", "replayedAt": "2026-03-01T10:00:00Z"}""");
	}

	@Test
	void refusesAReplayedDeadLetterWithTheEarlierReplayAsConflict() {
		var previous = new Replay(ID, "consumer.commands", 2, 30, "admin", PARKED);
		given(deadLetters.replay(ID, "admin", false)).willThrow(new AlreadyReplayedException(previous));

		var result = mvc.post().uri(PATH + "/consumer.commands-dlt/1/4/replay").header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.previousReplay.replayedBy").isEqualTo("admin");
	}

	@Test
	void answers404ForATopicThatIsNoDeadLetterTopicInThePathAnd400InTheFilter() {
		var unknown = new UnknownDeadLetterTopicException("orders", List.of("order.events-dlt"));
		given(deadLetters.show(new DeadLetterId("orders", 0, 1))).willThrow(unknown);
		given(deadLetters.list(Optional.of("orders"), null)).willThrow(unknown);

		var inPath = mvc.get().uri(PATH + "/orders/0/1").header(AUTHORIZATION, ADMIN).exchange();
		assertProblem(inPath, HttpStatus.NOT_FOUND);
		assertThat(inPath).bodyJson().extractingPath("$.topics").asArray().containsExactly("order.events-dlt");
		assertProblem(mvc.get().uri(PATH + "?topic=orders").header(AUTHORIZATION, ADMIN).exchange(), HttpStatus.BAD_REQUEST);
	}

	@Test
	void refusesCallersWhoAreNotAdminsWith403() {
		var consumer = "Bearer " + TestTokens.consumer(UUID.randomUUID());

		assertProblem(mvc.get().uri(PATH).header(AUTHORIZATION, consumer).exchange(), HttpStatus.FORBIDDEN);
		assertProblem(mvc.post().uri(PATH + "/consumer.commands-dlt/replay")
			.header(AUTHORIZATION, "Bearer " + TestTokens.kitchen(UUID.randomUUID())).exchange(), HttpStatus.FORBIDDEN);
		verifyNoInteractions(deadLetters);
	}

	@Test
	void asksForATokenWith401() {
		assertProblem(mvc.post().uri(PATH + "/consumer.commands-dlt/1/4/replay").exchange(), HttpStatus.UNAUTHORIZED);
		verifyNoInteractions(deadLetters);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/consumer.commands-dlt/one/4", "/consumer.commands-dlt/1/-4", "/consumer.commands-dlt/-1/4",
			"/consumer.commands-dlt/1/99999999999999999999" })
	void refusesMalformedPositionsWith400(String position) {
		assertProblem(mvc.get().uri(PATH + position).header(AUTHORIZATION, ADMIN).exchange(), HttpStatus.BAD_REQUEST);
		then(deadLetters).should(org.mockito.Mockito.never()).show(any());
		then(deadLetters).should(org.mockito.Mockito.never()).replay(any(), any(), anyBoolean());
	}

	@Test
	void refusesALimitOutOfRangeWith400() {
		given(deadLetters.list(Optional.empty(), 5000)).willThrow(new InvalidDeadLetterRequestException("limit"));

		assertProblem(mvc.get().uri(PATH + "?limit=5000").header(AUTHORIZATION, ADMIN).exchange(), HttpStatus.BAD_REQUEST);
		assertProblem(mvc.get().uri(PATH + "?limit=all").header(AUTHORIZATION, ADMIN).exchange(), HttpStatus.BAD_REQUEST);
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
	}
}
