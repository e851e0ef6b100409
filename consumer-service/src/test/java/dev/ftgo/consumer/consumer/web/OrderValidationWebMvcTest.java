package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.consumer.consumer.OrderValidation;

/**
 * POST /api/v1/consumers/{consumerId}/order-validations: an approval or a refusal with its reason, both a 200, and
 * what an order total must hold.
 */
class OrderValidationWebMvcTest extends ConsumerControllerSlice {

	private static String validationsOf(ConsumerId id) {
		return path(id, "/order-validations");
	}

	@Test
	void approvesAnOrderWithoutGivingAReason() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(id, Money.of("12.50", "USD"))).willReturn(new OrderValidation(true, null));

		var result = postJson(validationsOf(id), VALID_ORDER_TOTAL);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"approved\": true}");
	}

	@Test
	void answersARefusedOrderWith200AndTheReason() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(id, Money.of("12.50", "USD")))
				.willReturn(new OrderValidation(false, "Consumer is suspended"));

		var result = postJson(validationsOf(id), VALID_ORDER_TOTAL);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"approved\": false, \"reason\": \"Consumer is suspended\"}");
	}

	@Test
	void refusesAnOrderValidationWithoutATotal() {
		assertInvalid(postJson(validationsOf(ConsumerId.random()), "{}"), "orderTotal");
		verifyNoInteractions(consumers);
	}

	@Test
	void namesTheInvalidPartsOfTheOrderTotal() {
		var result = postJson(validationsOf(ConsumerId.random()), """
				{"orderTotal": {"amount": "12.5.0", "currency": "usd"}}""");

		assertInvalid(result, "orderTotal.amount", "orderTotal.currency");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesAnOrderTotalOfTheWrongJsonType() {
		var result = postJson(validationsOf(ConsumerId.random()), "{\"orderTotal\": [\"12.50\"]}");

		assertMalformed(result, "orderTotal");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesAnOrderValidationThatIsNotJson() {
		var path = validationsOf(ConsumerId.random());

		assertMalformed(postJson(path, "{\"orderTotal\": "));
		assertProblem(mvc.post().uri(path).contentType(MediaType.APPLICATION_XML).content("<orderTotal/>")
				.header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(consumers);
	}

	@Test
	void answersAnOrderValidationWithAMalformedConsumerIdWith400() {
		assertInvalid(postJson(CONSUMERS + "/not-a-uuid/order-validations", VALID_ORDER_TOTAL), "consumerId");
		verifyNoInteractions(consumers);
	}

	@Test
	void answersAnOrderValidationForAnUnknownConsumerWith404() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(any(), any())).willThrow(ConsumerFixtures.notFound(id));

		assertNotFound(postJson(validationsOf(id), VALID_ORDER_TOTAL), id);
	}
}
