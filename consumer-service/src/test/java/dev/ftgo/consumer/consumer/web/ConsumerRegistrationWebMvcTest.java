package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.EmailAddress;
import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.consumer.consumer.PersonName;

/** POST /api/v1/consumers: what a registration must hold, and how its failures are answered. */
class ConsumerRegistrationWebMvcTest extends ConsumerControllerSlice {

	@Test
	void registersAConsumerAndAnswersWithItsLocation() {
		var ada = ConsumerFixtures.ada();
		given(consumers.register(any(), any(), any())).willReturn(ada);

		var result = postJson(CONSUMERS, VALID_REGISTRATION);

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.hasHeader("Location", CONSUMERS + "/" + ada.id());
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"consumerId\": \"%s\"}".formatted(ada.id()));
		then(consumers).should().register(new PersonName("Ada", "Lovelace"), new EmailAddress("ada@example.com"),
				Money.of("250.50", "EUR"));
	}

	@Test
	void leavesTheOrderLimitToTheServiceWhenNoneIsGiven() {
		given(consumers.register(any(), any(), any())).willReturn(ConsumerFixtures.ada());

		var result = postJson(CONSUMERS, """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"}""");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(consumers).should().register(new PersonName("Ada", "Lovelace"), new EmailAddress("ada@example.com"), null);
	}

	@Test
	void namesEveryInvalidFieldOfARegistration() {
		var result = postJson(CONSUMERS, """
				{"name": {"firstName": "", "lastName": null}, "email": "nope",
				 "orderLimit": {"amount": "-5", "currency": "XYZ"}}""");

		assertInvalid(result, "name.firstName", "name.lastName", "email", "orderLimit.amount", "orderLimit.currency");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesARegistrationWithoutNameAndEmail() {
		assertInvalid(postJson(CONSUMERS, "{}"), "name", "email");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesOverlongNames() {
		var result = postJson(CONSUMERS, """
				{"name": {"firstName": "%s", "lastName": "Lovelace"}, "email": "ada@example.com"}"""
				.formatted("A".repeat(PersonName.MAX_LENGTH + 1)));

		assertInvalid(result, "name.firstName");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesAnOrderLimitWithFractionsOfACent() {
		var result = postJson(CONSUMERS, """
				{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "1.005", "currency": "USD"}}""");

		assertInvalid(result, "orderLimit.amount");
		verifyNoInteractions(consumers);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "" })
	void refusesARegistrationThatIsNotAJsonObject(String body) {
		assertMalformed(postJson(CONSUMERS, body));
		verifyNoInteractions(consumers);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"name": "Ada", "email": "ada@example.com"}                                            | name
			{"name": {"firstName": [1], "lastName": "Lovelace"}, "email": "ada@example.com"}       | name.firstName
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": {"at": "example.com"}} | email
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com", "orderLimit": {"amount": ["1"]}} | orderLimit.amount
			""")
	void namesTheFieldOfTheWrongJsonType(String body, String field) {
		var result = postJson(CONSUMERS, body);

		assertMalformed(result, field);
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesARegistrationThatIsNotJson() {
		var result = mvc.post().uri(CONSUMERS).contentType(MediaType.TEXT_PLAIN).content("name=Ada")
				.header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(consumers);
	}

	@Test
	void answersAValueTheDomainRefusesWith400() {
		given(consumers.register(any(), any(), any())).willThrow(new IllegalArgumentException("amount must not be negative"));

		assertProblem(postJson(CONSUMERS, VALID_REGISTRATION), HttpStatus.BAD_REQUEST, "Invalid request",
				"amount must not be negative");
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		given(consumers.register(any(), any(), any())).willThrow(new IllegalStateException("connection to 10.0.0.7 lost"));

		var result = postJson(CONSUMERS, VALID_REGISTRATION);

		assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to process the request.");
	}

	@ParameterizedTest
	@MethodSource("dev.ftgo.testsupport.DatabaseOutages#databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		given(consumers.register(any(), any(), any())).willThrow(outage);

		assertDatabaseUnavailable(postJson(CONSUMERS, VALID_REGISTRATION));
	}
}
