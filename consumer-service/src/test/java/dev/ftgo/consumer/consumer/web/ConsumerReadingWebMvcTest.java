package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;

/** GET /api/v1/consumers/{consumerId}, and what any path with a consumer id answers for a bad one. */
class ConsumerReadingWebMvcTest extends ConsumerControllerSlice {

	@Test
	void readsAConsumer() {
		var ada = ConsumerFixtures.ada();
		given(consumers.find(ada.id())).willReturn(ada);

		var result = get(path(ada, ""));

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"consumerId": "%s", "name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "250.00", "currency": "EUR"}, "status": "ACTIVE"}""".formatted(ada.id()));
	}

	@Test
	void answersAnUnknownConsumerWith404() {
		var id = ConsumerId.random();
		given(consumers.find(id)).willThrow(ConsumerFixtures.notFound(id));

		assertNotFound(get(path(id, "")), id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/v1/consumers/not-a-uuid", "POST, /api/v1/consumers/not-a-uuid/suspend",
			"POST, /api/v1/consumers/not-a-uuid/reactivate", "GET, /api/v1/consumers/12345" })
	void answersAMalformedConsumerIdWith400(HttpMethod method, String path) {
		var result = mvc.method(method).uri(path).header(AUTHORIZATION, ADMIN).exchange();

		assertInvalid(result, "consumerId");
		verifyNoInteractions(consumers);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		var result = mvc.delete().uri(path(ConsumerId.random(), "")).header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(consumers);
	}
}
