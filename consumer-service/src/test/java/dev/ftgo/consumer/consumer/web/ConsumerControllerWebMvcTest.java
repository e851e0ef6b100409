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

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import dev.ftgo.consumer.consumer.Consumer;
import dev.ftgo.consumer.consumer.ConsumerFixtures;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerService;
import dev.ftgo.consumer.consumer.EmailAddress;
import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.consumer.consumer.OrderValidation;
import dev.ftgo.consumer.consumer.PersonName;
import dev.ftgo.testsupport.TestTokens;

/**
 * The consumer endpoints alone, behind the service's security: validation, error mapping and who may call, with
 * {@link ConsumerService} mocked. Requests are an admin's, who may call every endpoint, unless a test says otherwise.
 */
@WebMvcTest(controllers = ConsumerController.class, properties = "eureka.client.enabled=false")
class ConsumerControllerWebMvcTest {

	private static final String CONSUMERS = "/api/v1/consumers";
	private static final String ADMIN = "Bearer " + TestTokens.admin();

	private static final String VALID_REGISTRATION = """
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
			 "orderLimit": {"amount": "250.5", "currency": "EUR"}}""";

	private static final String VALID_ORDER_TOTAL = """
			{"orderTotal": {"amount": "12.50", "currency": "USD"}}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ConsumerService consumers;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	private MvcTestResult postJson(String path, String json) {
		return postJson(path, json, ADMIN);
	}

	private MvcTestResult postJson(String path, String json, String authorization) {
		var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return authorization == null ? request.exchange() : request.header(AUTHORIZATION, authorization).exchange();
	}

	private static String consumer(Object consumerId) {
		return "Bearer " + TestTokens.consumer(consumerId);
	}

	private static String path(Consumer consumer, String suffix) {
		return CONSUMERS + "/" + consumer.id() + suffix;
	}

	private static String path(ConsumerId id, String suffix) {
		return CONSUMERS + "/" + id + suffix;
	}

	// --- POST /api/v1/consumers ---

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

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
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
	@MethodSource("databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		given(consumers.register(any(), any(), any())).willThrow(outage);

		assertDatabaseUnavailable(postJson(CONSUMERS, VALID_REGISTRATION));
	}

	/** How a database outage reaches a controller: as such, or wrapped by a failed commit or a failed rollback. */
	static Stream<RuntimeException> databaseOutages() {
		var rollback = new TransactionSystemException("Could not roll back JPA transaction",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new JpaSystemException(new IllegalStateException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
		return Stream.of(
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")),
				new DataAccessResourceFailureException("Unable to acquire JDBC Connection"),
				new TransactionSystemException("Could not commit JPA transaction",
						new SQLException("An I/O error occurred while sending to the backend.", "08006")),
				rollback);
	}

	// --- GET /api/v1/consumers/{consumerId} ---

	@Test
	void readsAConsumer() {
		var ada = ConsumerFixtures.ada();
		given(consumers.find(ada.id())).willReturn(ada);

		var result = mvc.get().uri(path(ada, "")).header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"consumerId": "%s", "name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
				 "orderLimit": {"amount": "250.00", "currency": "EUR"}, "status": "ACTIVE"}""".formatted(ada.id()));
	}

	@Test
	void answersAnUnknownConsumerWith404() {
		var id = ConsumerId.random();
		given(consumers.find(id)).willThrow(ConsumerFixtures.notFound(id));

		assertProblem(mvc.get().uri(path(id, "")).header(AUTHORIZATION, ADMIN).exchange(), HttpStatus.NOT_FOUND, "Consumer not found",
				"No consumer with id " + id);
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

	// --- POST /api/v1/consumers/{consumerId}/suspend ---

	@Test
	void suspendsAConsumer() {
		var ada = ConsumerFixtures.suspended(ConsumerFixtures.ada());
		given(consumers.suspend(ada.id())).willReturn(ada);

		var result = mvc.post().uri(path(ada, "/suspend")).header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.consumerId").asString().isEqualTo(ada.id().toString());
		assertThat(result).bodyJson().extractingPath("$.status").asString().isEqualTo("SUSPENDED");
	}

	@Test
	void answersSuspendingAnUnknownConsumerWith404() {
		var id = ConsumerId.random();
		given(consumers.suspend(id)).willThrow(ConsumerFixtures.notFound(id));

		assertProblem(mvc.post().uri(path(id, "/suspend")).header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.NOT_FOUND, "Consumer not found", "No consumer with id " + id);
	}

	@Test
	void answersSuspendingASuspendedConsumerWith409() {
		var id = ConsumerId.random();
		given(consumers.suspend(id)).willThrow(ConsumerFixtures.illegalTransition("Consumer " + id + " is already suspended"));

		assertProblem(mvc.post().uri(path(id, "/suspend")).header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.CONFLICT, "Transition not allowed", "Consumer " + id + " is already suspended");
	}

	@Test
	void answersAConcurrentSuspensionWith409() {
		var id = ConsumerId.random();
		given(consumers.suspend(id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().uri(path(id, "/suspend")).header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- POST /api/v1/consumers/{consumerId}/reactivate ---

	@Test
	void reactivatesAConsumer() {
		var ada = ConsumerFixtures.ada();
		given(consumers.reactivate(ada.id())).willReturn(ada);

		var result = mvc.post().uri(path(ada, "/reactivate")).header(AUTHORIZATION, ADMIN).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.consumerId").asString().isEqualTo(ada.id().toString());
		assertThat(result).bodyJson().extractingPath("$.status").asString().isEqualTo("ACTIVE");
	}

	@Test
	void answersReactivatingAnUnknownConsumerWith404() {
		var id = ConsumerId.random();
		given(consumers.reactivate(id)).willThrow(ConsumerFixtures.notFound(id));

		assertProblem(mvc.post().uri(path(id, "/reactivate")).header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.NOT_FOUND, "Consumer not found", "No consumer with id " + id);
	}

	@Test
	void answersReactivatingAnActiveConsumerWith409() {
		var id = ConsumerId.random();
		given(consumers.reactivate(id)).willThrow(ConsumerFixtures.illegalTransition("Consumer " + id + " is already active"));

		assertProblem(mvc.post().uri(path(id, "/reactivate")).header(AUTHORIZATION, ADMIN).exchange(),
				HttpStatus.CONFLICT, "Transition not allowed", "Consumer " + id + " is already active");
	}

	@Test
	void answersAConcurrentReactivationWith409() {
		var id = ConsumerId.random();
		given(consumers.reactivate(id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().uri(path(id, "/reactivate")).header(AUTHORIZATION, ADMIN).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- POST /api/v1/consumers/{consumerId}/order-validations ---

	@Test
	void approvesAnOrderWithoutGivingAReason() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(id, Money.of("12.50", "USD"))).willReturn(new OrderValidation(true, null));

		var result = postJson(path(id, "/order-validations"), VALID_ORDER_TOTAL);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"approved\": true}");
	}

	@Test
	void answersARefusedOrderWith200AndTheReason() {
		var id = ConsumerId.random();
		given(consumers.validateOrder(id, Money.of("12.50", "USD")))
				.willReturn(new OrderValidation(false, "Consumer is suspended"));

		var result = postJson(path(id, "/order-validations"), VALID_ORDER_TOTAL);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"approved\": false, \"reason\": \"Consumer is suspended\"}");
	}

	@Test
	void refusesAnOrderValidationWithoutATotal() {
		assertInvalid(postJson(path(ConsumerId.random(), "/order-validations"), "{}"), "orderTotal");
		verifyNoInteractions(consumers);
	}

	@Test
	void namesTheInvalidPartsOfTheOrderTotal() {
		var result = postJson(path(ConsumerId.random(), "/order-validations"), """
				{"orderTotal": {"amount": "12.5.0", "currency": "usd"}}""");

		assertInvalid(result, "orderTotal.amount", "orderTotal.currency");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesAnOrderTotalOfTheWrongJsonType() {
		var result = postJson(path(ConsumerId.random(), "/order-validations"), "{\"orderTotal\": [\"12.50\"]}");

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("orderTotal");
		verifyNoInteractions(consumers);
	}

	@Test
	void refusesAnOrderValidationThatIsNotJson() {
		var path = path(ConsumerId.random(), "/order-validations");

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

		assertProblem(postJson(path(id, "/order-validations"), VALID_ORDER_TOTAL), HttpStatus.NOT_FOUND,
				"Consumer not found", "No consumer with id " + id);
	}

	// --- who may call: checked before the service is asked anything ---

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
