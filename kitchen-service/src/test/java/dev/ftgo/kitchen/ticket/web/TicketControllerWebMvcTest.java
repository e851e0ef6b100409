package dev.ftgo.kitchen.ticket.web;

import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.BDDMockito.BDDMyOngoingStubbing;
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

import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.ticket.OrderId;
import dev.ftgo.kitchen.ticket.Ticket;
import dev.ftgo.kitchen.ticket.TicketAccess;
import dev.ftgo.kitchen.ticket.TicketFixtures;
import dev.ftgo.kitchen.ticket.TicketId;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.kitchen.ticket.TicketState;
import dev.ftgo.testsupport.TestTokens;

/**
 * The ticket endpoints alone: validation, error mapping and the refusals the token alone decides, with
 * {@link TicketService} mocked (so the {@link TicketAccess} handed to it is not applied here: TicketAccessRulesTest,
 * TicketAccessIT).
 */
@WebMvcTest(controllers = TicketController.class, properties = "eureka.client.enabled=false")
class TicketControllerWebMvcTest {

	private static final String TICKETS = "/api/v1/tickets";

	private static final String VALID_ACCEPTANCE = "{\"readyBy\": \"2026-01-01T12:30:00Z\"}";

	private static final String ADMIN = bearer(TestTokens.admin());
	/** Kitchen staff move tickets on; of which restaurant matters only to the TicketAccess the mock ignores. */
	private static final String KITCHEN = bearer(TestTokens.kitchen(UUID.randomUUID()));

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TicketService tickets;

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static Ticket ticketIn(TicketState state) {
		return TicketFixtures.inState(RestaurantFixtures.ajanta(), state);
	}

	private static String path(Object ticketId, String suffix) {
		return TICKETS + "/" + ticketId + suffix;
	}

	private MvcTestResult postJson(String path, String json) {
		return mvc.post().header(AUTHORIZATION, KITCHEN).uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
				.exchange();
	}

	/** The service call behind one of the kitchen's steps without a body, by its path suffix. */
	private BDDMyOngoingStubbing<Ticket> givenStep(String suffix, TicketId id) {
		return switch (suffix) {
			case "/preparing" -> given(tickets.startPreparing(eq(id), any()));
			case "/ready" -> given(tickets.markReady(eq(id), any()));
			case "/picked-up" -> given(tickets.pickUp(eq(id), any()));
			default -> throw new IllegalArgumentException(suffix);
		};
	}

	// --- GET /api/v1/tickets/{ticketId} ---

	@Test
	void readsATicket() {
		var ticket = ticketIn(TicketState.AWAITING_ACCEPTANCE);
		given(tickets.find(eq(ticket.id()), any())).willReturn(ticket);

		var result = mvc.get().header(AUTHORIZATION, ADMIN).uri(path(ticket.id(), "")).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"ticketId": "%s", "orderId": "%s", "restaurantId": "%s", "state": "AWAITING_ACCEPTANCE",
				 "lineItems": [{"menuItemId": "m1", "name": "Curry", "quantity": 2},
				               {"menuItemId": "m2", "name": "Naan", "quantity": 1}],
				 "readyBy": null}""".formatted(ticket.id(), ticket.orderId(), ticket.restaurantId()));
	}

	@Test
	void answersAnUnknownTicketWith404() {
		var id = TicketId.random();
		given(tickets.find(eq(id), any())).willThrow(TicketFixtures.notFound(id));

		assertProblem(mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "")).exchange(), HttpStatus.NOT_FOUND, "Ticket not found",
				"No ticket with id " + id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, ''", "POST, /accept", "POST, /preparing", "POST, /ready", "POST, /picked-up" })
	void answersAMalformedTicketIdWith400(HttpMethod method, String suffix) {
		var result = mvc.method(method).header(AUTHORIZATION, KITCHEN)
				.uri(path("not-a-uuid", suffix)).contentType(MediaType.APPLICATION_JSON)
				.content(VALID_ACCEPTANCE).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		assertProblem(mvc.delete().header(AUTHORIZATION, ADMIN)
				.uri(path(TicketId.random(), "")).exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(tickets);
	}

	// --- GET /api/v1/tickets?orderId= ---

	@Test
	void findsTheTicketOfAnOrder() {
		var ticket = ticketIn(TicketState.ACCEPTED);
		given(tickets.findForOrder(eq(ticket.orderId()), any())).willReturn(Optional.of(ticket));

		var result = mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(TICKETS).param("orderId", ticket.orderId().toString()).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$[*].ticketId").asArray().containsExactly(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$[0].state").asString().isEqualTo("ACCEPTED");
		assertThat(result).bodyJson().extractingPath("$[0].readyBy").asString().isEqualTo("2026-01-01T12:30:00Z");
	}

	@Test
	void answersAnEmptyListForAnOrderWithoutTicket() {
		var orderId = new OrderId(UUID.randomUUID());
		given(tickets.findForOrder(eq(orderId), any())).willReturn(Optional.empty());

		var result = mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(TICKETS).param("orderId", orderId.toString()).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void refusesAQueryWithoutOrderId() {
		assertProblem(mvc.get().header(AUTHORIZATION, ADMIN).uri(TICKETS).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-uuid", "42" })
	void refusesAQueryWithAMalformedOrderId(String orderId) {
		assertProblem(mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(TICKETS).param("orderId", orderId).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(tickets);
	}

	// --- POST /api/v1/tickets/{ticketId}/accept ---

	@Test
	void acceptsATicket() {
		var ticket = ticketIn(TicketState.ACCEPTED);
		given(tickets.accept(eq(ticket.id()), eq(TicketFixtures.READY_BY), any())).willReturn(ticket);

		var result = postJson(path(ticket.id(), "/accept"), VALID_ACCEPTANCE);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("ACCEPTED");
		assertThat(result).bodyJson().extractingPath("$.readyBy").asString().isEqualTo("2026-01-01T12:30:00Z");
		then(tickets).should().accept(eq(ticket.id()), eq(TicketFixtures.READY_BY), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"readyBy\": null}" })
	void refusesAnAcceptanceWithoutReadyBy(String body) {
		assertInvalid(postJson(path(TicketId.random(), "/accept"), body), "readyBy");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"readyBy\": \"tomorrow\"}", "{\"readyBy\": \"2026-01-01 12:30\"}",
			"{\"readyBy\": [\"2026-01-01T12:30:00Z\"]}", "{\"readyBy\": {}}" })
	void namesAReadyByThatIsNotAnInstant(String body) {
		var result = postJson(path(TicketId.random(), "/accept"), body);

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("readyBy");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[]", "\"2026-01-01T12:30:00Z\"", "" })
	void refusesAnAcceptanceThatIsNotAJsonObject(String body) {
		assertMalformed(postJson(path(TicketId.random(), "/accept"), body));
		verifyNoInteractions(tickets);
	}

	@Test
	void refusesAnAcceptanceThatIsNotJson() {
		var result = mvc.post().header(AUTHORIZATION, KITCHEN)
				.uri(path(TicketId.random(), "/accept")).contentType(MediaType.TEXT_PLAIN)
				.content("2026-01-01T12:30:00Z").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(tickets);
	}

	@Test
	void answersAcceptingAnUnknownTicketWith404() {
		var id = TicketId.random();
		given(tickets.accept(any(), any(), any())).willThrow(TicketFixtures.notFound(id));

		assertProblem(postJson(path(id, "/accept"), VALID_ACCEPTANCE), HttpStatus.NOT_FOUND, "Ticket not found",
				"No ticket with id " + id);
	}

	@Test
	void answersAcceptingATicketTwiceWith409() {
		var id = TicketId.random();
		given(tickets.accept(any(), any(), any()))
				.willThrow(TicketFixtures.illegalTransition("Cannot accept ticket " + id));

		assertProblem(postJson(path(id, "/accept"), VALID_ACCEPTANCE), HttpStatus.CONFLICT, "Transition not allowed",
				"Cannot accept ticket " + id);
	}

	@Test
	void answersAReadyByTheRulesRefuseWith422() {
		given(tickets.accept(any(), any(), any()))
				.willThrow(TicketFixtures.ruleViolation("readyBy 2026-01-01T12:30:00Z is not in the future"));

		assertProblem(postJson(path(TicketId.random(), "/accept"), VALID_ACCEPTANCE), HttpStatus.UNPROCESSABLE_CONTENT,
				"Unprocessable", "readyBy 2026-01-01T12:30:00Z is not in the future");
	}

	@Test
	void answersAConcurrentAcceptanceWith409() {
		given(tickets.accept(any(), any(), any())).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = postJson(path(TicketId.random(), "/accept"), VALID_ACCEPTANCE);

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- POST /api/v1/tickets/{ticketId}/preparing, /ready, /picked-up ---

	@Test
	void startsPreparingATicket() {
		var ticket = ticketIn(TicketState.PREPARING);
		given(tickets.startPreparing(eq(ticket.id()), any())).willReturn(ticket);

		var result = mvc.post().header(AUTHORIZATION, KITCHEN).uri(path(ticket.id(), "/preparing")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("PREPARING");
	}

	@Test
	void marksATicketReadyForPickup() {
		var ticket = ticketIn(TicketState.READY_FOR_PICKUP);
		given(tickets.markReady(eq(ticket.id()), any())).willReturn(ticket);

		var result = mvc.post().header(AUTHORIZATION, KITCHEN).uri(path(ticket.id(), "/ready")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("READY_FOR_PICKUP");
	}

	@Test
	void marksATicketPickedUp() {
		var ticket = ticketIn(TicketState.PICKED_UP);
		given(tickets.pickUp(eq(ticket.id()), any())).willReturn(ticket);

		var result = mvc.post().header(AUTHORIZATION, KITCHEN).uri(path(ticket.id(), "/picked-up")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(ticket.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("PICKED_UP");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAStepOfAnUnknownTicketWith404(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(TicketFixtures.notFound(id));

		assertProblem(mvc.post().header(AUTHORIZATION, KITCHEN)
				.uri(path(id, step)).exchange(), HttpStatus.NOT_FOUND, "Ticket not found",
				"No ticket with id " + id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAStepOutOfOrderWith409(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(TicketFixtures.illegalTransition("Cannot do that to ticket " + id + " now"));

		assertProblem(mvc.post().header(AUTHORIZATION, KITCHEN)
				.uri(path(id, step)).exchange(), HttpStatus.CONFLICT, "Transition not allowed",
				"Cannot do that to ticket " + id + " now");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/preparing", "/ready", "/picked-up" })
	void answersAConcurrentStepWith409(String step) {
		var id = TicketId.random();
		givenStep(step, id).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().header(AUTHORIZATION, KITCHEN).uri(path(id, step)).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- who may ask: what the token alone shows ---

	@ParameterizedTest
	@CsvSource({ "GET, ''", "GET, ?orderId=8f7c2f9e-3b1a-4c55-9d0e-2a6b7c8d9e01", "POST, /accept", "POST, /preparing",
			"POST, /ready", "POST, /picked-up" })
	void answersARequestWithoutTokenWith401(HttpMethod method, String suffix) {
		var uri = suffix.startsWith("?") ? TICKETS + suffix : path(TicketId.random(), suffix);

		var result = mvc.method(method).uri(uri).contentType(MediaType.APPLICATION_JSON).content(VALID_ACCEPTANCE)
				.exchange();

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
		verifyNoInteractions(tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/accept", "/preparing", "/ready", "/picked-up" })
	void refusesTheKitchensStepsToAdminsAndConsumersWith403(String step) {
		for (var token : List.of(ADMIN, bearer(TestTokens.consumer(UUID.randomUUID())))) {
			var result = mvc.post().header(AUTHORIZATION, token).uri(path(TicketId.random(), step))
					.contentType(MediaType.APPLICATION_JSON).content(VALID_ACCEPTANCE).exchange();

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "This operation needs the role kitchen.");
		}
		verifyNoInteractions(tickets);
	}

	@Test
	void handsTheServiceTheAccessOfTheKitchenThatAsks() {
		var ajanta = RestaurantFixtures.ajanta();
		var ticket = TicketFixtures.accepted(ajanta);
		var elsewhere = TicketFixtures.accepted(RestaurantFixtures.ajanta());
		var access = ArgumentCaptor.forClass(TicketAccess.class);
		given(tickets.startPreparing(eq(ticket.id()), access.capture())).willReturn(ticket);

		var result = mvc.post().header(AUTHORIZATION, bearer(TestTokens.kitchen(ajanta.id().value())))
				.uri(path(ticket.id(), "/preparing")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(access.getValue().permits(ticket)).isTrue();
		assertThat(access.getValue().permits(elsewhere)).as("another restaurant's ticket").isFalse();
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		var id = TicketId.random();
		given(tickets.startPreparing(eq(id), any())).willThrow(new IllegalStateException("disk full on /var/lib"));

		assertProblem(mvc.post().header(AUTHORIZATION, KITCHEN)
				.uri(path(id, "/preparing")).exchange(), HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error", "The service failed to process the request.");
	}

	@ParameterizedTest
	@MethodSource("databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		var id = TicketId.random();
		given(tickets.startPreparing(eq(id), any())).willThrow(outage);

		assertDatabaseUnavailable(mvc.post().header(AUTHORIZATION, KITCHEN).uri(path(id, "/preparing")).exchange());
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
}
