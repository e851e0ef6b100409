package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.consumer.consumer.OrderValidation;
import dev.ftgo.testsupport.TestTokens;

/** Who may call the consumer endpoints: checked before the service is asked anything. */
class ConsumerAccessWebMvcTest extends ConsumerControllerSlice {

	@Test
	void letsAConsumerReadItselfButNoOtherConsumer() {
		var ada = ConsumerFixtures.ada();
		given(consumers.find(ada.id())).willReturn(ada);

		assertThat(mvc.get().uri(path(ada, "")).header(AUTHORIZATION, consumer(ada.id().value())).exchange()).hasStatusOk();
		assertProblem(mvc.get().uri(path(ada, "")).header(AUTHORIZATION, consumer(UUID.randomUUID())).exchange(),
				HttpStatus.FORBIDDEN, "Forbidden", "Only an admin or the consumer itself may do this.");
		then(consumers).should().find(ada.id());
		then(consumers).shouldHaveNoMoreInteractions();
	}

	@Test
	void letsAConsumerValidateItsOwnOrdersOnly() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(id, Money.of("12.50", "USD"))).willReturn(new OrderValidation(true, null));

		assertThat(postJson(path(id, "/order-validations"), VALID_ORDER_TOTAL, consumer(id.value()))).hasStatusOk();
		assertProblem(postJson(path(id, "/order-validations"), VALID_ORDER_TOTAL, consumer(UUID.randomUUID())),
				HttpStatus.FORBIDDEN);
		then(consumers).should().validateOrder(id, Money.of("12.50", "USD"));
		then(consumers).shouldHaveNoMoreInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "consumer", "kitchen" })
	void leavesRegisteringSuspendingAndReactivatingToAdmins(String role) {
		var id = ConsumerId.random();
		var token = "Bearer " + (role.equals("consumer") ? TestTokens.consumer(id.value()) : TestTokens.kitchen(UUID.randomUUID()));

		assertProblem(postJson(CONSUMERS, VALID_REGISTRATION, token), HttpStatus.FORBIDDEN, "Forbidden",
				"This operation needs the role admin.");
		assertProblem(mvc.post().uri(path(id, "/suspend")).header(AUTHORIZATION, token).exchange(), HttpStatus.FORBIDDEN);
		assertProblem(mvc.post().uri(path(id, "/reactivate")).header(AUTHORIZATION, token).exchange(), HttpStatus.FORBIDDEN);
		verifyNoInteractions(consumers);
	}

	@Test
	void answersARequestWithoutATokenWith401() {
		var result = postJson(CONSUMERS, VALID_REGISTRATION, null);

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result).headers().hasHeaderSatisfying("WWW-Authenticate",
				values -> assertThat(values).singleElement().asString().startsWith("Bearer"));
		verifyNoInteractions(consumers);
	}
}
