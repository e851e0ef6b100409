package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.mockito.BDDMockito.BDDMyOngoingStubbing;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.consumer.consumer.Consumer;
import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;

/**
 * POST /api/v1/consumers/{consumerId}/suspend and /reactivate: both answer the consumer, and refuse a consumer that
 * is unknown, already in that state or changed by someone else meanwhile in the same way.
 */
class ConsumerSuspensionWebMvcTest extends ConsumerControllerSlice {

	private static final String SUSPEND = "/suspend";
	private static final String REACTIVATE = "/reactivate";

	@Test
	void suspendsAConsumer() {
		var ada = ConsumerFixtures.suspended(ConsumerFixtures.ada());
		given(consumers.suspend(ada.id())).willReturn(ada);

		assertAnswered(post(path(ada, SUSPEND)), ada, "SUSPENDED");
	}

	@Test
	void answersSuspendingAnUnknownConsumerWith404() {
		assertUnknownConsumerAnswered(SUSPEND);
	}

	@Test
	void answersSuspendingASuspendedConsumerWith409() {
		assertNoChangeAnswered(SUSPEND, "suspended");
	}

	@Test
	void answersAConcurrentSuspensionWith409() {
		assertConcurrentChangeAnswered(SUSPEND);
	}

	@Test
	void reactivatesAConsumer() {
		var ada = ConsumerFixtures.ada();
		given(consumers.reactivate(ada.id())).willReturn(ada);

		assertAnswered(post(path(ada, REACTIVATE)), ada, "ACTIVE");
	}

	@Test
	void answersReactivatingAnUnknownConsumerWith404() {
		assertUnknownConsumerAnswered(REACTIVATE);
	}

	@Test
	void answersReactivatingAnActiveConsumerWith409() {
		assertNoChangeAnswered(REACTIVATE, "active");
	}

	@Test
	void answersAConcurrentReactivationWith409() {
		assertConcurrentChangeAnswered(REACTIVATE);
	}

	/** The service call behind a change, by its path suffix. */
	private BDDMyOngoingStubbing<Consumer> givenChange(String change, ConsumerId id) {
		return given(change.equals(SUSPEND) ? consumers.suspend(id) : consumers.reactivate(id));
	}

	private static void assertAnswered(MvcTestResult result, Consumer consumer, String status) {
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.consumerId").asString().isEqualTo(consumer.id().toString());
		assertThat(result).bodyJson().extractingPath("$.status").asString().isEqualTo(status);
	}

	private void assertUnknownConsumerAnswered(String change) {
		var id = ConsumerId.random();
		givenChange(change, id).willThrow(ConsumerFixtures.notFound(id));

		assertNotFound(post(path(id, change)), id);
	}

	/** 409 for a consumer already {@code state}: the domain's message is the detail. */
	private void assertNoChangeAnswered(String change, String state) {
		var id = ConsumerId.random();
		var message = "Consumer " + id + " is already " + state;
		givenChange(change, id).willThrow(ConsumerFixtures.illegalTransition(message));

		assertProblem(post(path(id, change)), HttpStatus.CONFLICT, "Transition not allowed", message);
	}

	private void assertConcurrentChangeAnswered(String change) {
		var id = ConsumerId.random();
		givenChange(change, id).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(post(path(id, change)));
	}
}
