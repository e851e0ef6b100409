package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
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
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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

import dev.ftgo.order.client.ClientFailures;
import dev.ftgo.order.client.UnexpectedAnswerException;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderRefusedException.Reason;
import dev.ftgo.order.order.OrderService;
import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.order.order.PlacedOrder;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.order.order.TicketId;
import dev.ftgo.security.AccessRefusedException;
import dev.ftgo.testsupport.TestTokens;

/**
 * The v1 order endpoints alone: validation and error mapping, with {@link OrderService} mocked. The slice holds both
 * versions' controllers, so that {@link OrderV2ControllerWebMvcTest} shares its application context.
 */
@WebMvcTest(controllers = { OrderController.class, OrderV2Controller.class }, properties = "eureka.client.enabled=false")
class OrderControllerWebMvcTest {

	private static final String ORDERS = "/api/v1/orders";

	private static final ConsumerId CONSUMER = new ConsumerId(UUID.fromString("11111111-1111-4111-8111-111111111111"));
	private static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("22222222-2222-4222-8222-222222222222"));

	/** {@link #CONSUMER} itself, who may place, read, list and cancel its orders. */
	private static final String AS_CONSUMER = "Bearer " + TestTokens.consumer(CONSUMER.value());
	private static final String AS_ADMIN = "Bearer " + TestTokens.admin();

	private static final String VALID_ORDER = """
			{"consumerId": "%s", "restaurantId": "%s",
			 "lineItems": [{"menuItemId": "m1", "quantity": 2}, {"menuItemId": "m2", "quantity": 3}],
			 "deliveryAddress": "  1 Main St  "}""".formatted(CONSUMER, RESTAURANT);

	/** What {@link #VALID_ORDER} asks the application service for. */
	private static final PlaceOrder THE_VALID_ORDER = new PlaceOrder(CONSUMER, RESTAURANT,
			List.of(new PlaceOrder.Line(new MenuItemId("m1"), 2), new PlaceOrder.Line(new MenuItemId("m2"), 3)),
			"1 Main St");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrderService orders;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	private MvcTestResult place(String json) {
		return mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	/** An order whose only line is {@code lineJson}. */
	private static String orderWithLine(String lineJson) {
		return """
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [%s]}""".formatted(CONSUMER, RESTAURANT, lineJson);
	}

	private static String path(Object orderId, String suffix) {
		return ORDERS + "/" + orderId + suffix;
	}

	// --- POST /api/v1/orders ---

	@Test
	void placesAnOrderAndAnswersWithItsLocation() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.place(any(), isNull())).willReturn(new PlacedOrder(order, false));

		var result = place(VALID_ORDER);

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.hasHeader("Location", path(order.id(), "")).hasHeader("Idempotent-Replayed", "false");
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "state": "APPROVAL_PENDING"}""".formatted(order.id()));
		then(orders).should().place(THE_VALID_ORDER, null);
	}

	@Test
	void leavesOutABlankDeliveryAddress() {
		given(orders.place(any(), isNull())).willReturn(new PlacedOrder(OrderFixtures.order(), false));

		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}],
				 "deliveryAddress": "   "}""".formatted(CONSUMER, RESTAURANT));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(new PlaceOrder.Line(new MenuItemId("m1"), 1)), null), null);
	}

	@Test
	void passesTheIdempotencyKeyOn() {
		given(orders.place(any(), any())).willReturn(new PlacedOrder(OrderFixtures.order(), false));

		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-7f3a")
				.content(VALID_ORDER).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(THE_VALID_ORDER, new IdempotencyKey("order-7f3a"));
	}

	@Test
	void answersAReplayWithTheCreationAnswerMarkedReplayed() {
		var approvedMeanwhile = OrderFixtures.approved(new TicketId(UUID.randomUUID()));
		given(orders.place(any(), any())).willReturn(new PlacedOrder(approvedMeanwhile, true));

		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-7f3a")
				.content(VALID_ORDER).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true")
				.hasHeader("Location", path(approvedMeanwhile.id(), ""));
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "state": "APPROVAL_PENDING"}""".formatted(approvedMeanwhile.id()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "caf\u00e9", "tab\there" })
	void refusesAMalformedIdempotencyKey(String key) {
		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
				.content(VALID_ORDER).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOverlongIdempotencyKey() {
		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER).contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "k".repeat(IdempotencyKey.MAX_LENGTH + 1)).content(VALID_ORDER).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request",
				"Idempotency-Key must be 1 to " + IdempotencyKey.MAX_LENGTH + " printable ASCII characters");
		verifyNoInteractions(orders);
	}

	@Test
	void namesEveryInvalidFieldOfAnOrder() {
		var result = place("""
				{"lineItems": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(result, "consumerId", "deliveryAddress", "lineItems[0].menuItemId", "lineItems[0].quantity",
				"lineItems[1]", "restaurantId");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesOrderWithoutLineItems() {
		assertInvalid(place(orderWithLine("")), "lineItems");
		assertInvalid(place("{\"consumerId\": \"%s\", \"restaurantId\": \"%s\"}".formatted(CONSUMER, RESTAURANT)),
				"lineItems");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesOrderWithTooManyLineItems() {
		var lines = new StringBuilder();
		for (int i = 0; i <= PlaceOrderRequest.MAX_LINE_ITEMS; i++) {
			lines.append(i == 0 ? "" : ", ").append("{\"menuItemId\": \"m%d\", \"quantity\": 1}".formatted(i));
		}

		assertInvalid(place(orderWithLine(lines.toString())), "lineItems");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOverlongMenuItemId() {
		var result = place(orderWithLine("{\"menuItemId\": \"%s\", \"quantity\": 1}".formatted("m".repeat(MenuItemId.MAX_LENGTH + 1))));

		assertInvalid(result, "lineItems[0].menuItemId");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001 })
	void leavesTheRangeOfQuantitiesToTheDomain(int quantity) {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.INVALID_QUANTITY,
				"Quantity must be between 1 and 1000, was " + quantity, "lineItems[0].quantity"));

		var result = place(orderWithLine("{\"menuItemId\": \"m1\", \"quantity\": %d}".formatted(quantity)));

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT);
		then(orders).should().place(
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(new PlaceOrder.Line(new MenuItemId("m1"), quantity)), null),
				null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1, 2]", "\"a string\"", "" })
	void refusesAnOrderThatIsNotAJsonObject(String body) {
		assertMalformed(place(body));
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"consumerId": 42}                                                   | consumerId
			{"consumerId": "not-a-uuid"}                                         | consumerId
			{"restaurantId": "22222222-2222-4222-8222"}                          | restaurantId
			{"lineItems": {"menuItemId": "m1"}}                                  | lineItems
			{"lineItems": [{"menuItemId": "m1", "quantity": 2.5}]}               | lineItems[0].quantity
			{"lineItems": [{"menuItemId": "m1", "quantity": "two"}]}             | lineItems[0].quantity
			{"lineItems": [{"menuItemId": "m1", "quantity": 99999999999}]}       | lineItems[0].quantity
			{"lineItems": [{"menuItemId": ["m1"], "quantity": 1}]}               | lineItems[0].menuItemId
			""")
	void namesTheFieldOfTheWrongJsonType(String body, String field) {
		var result = place(body);

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOrderThatIsNotJson() {
		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.TEXT_PLAIN).content("consumerId=1").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(orders);
	}

	@Test
	void answersARefusedOrderWith422NamingTheReasonAndTheField() {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.UNKNOWN_MENU_ITEM,
				"Restaurant " + RESTAURANT + " has no menu item 'm2'", "lineItems[1].menuItemId"));

		var result = place(VALID_ORDER);

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused",
				"Restaurant " + RESTAURANT + " has no menu item 'm2'");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo("UNKNOWN_MENU_ITEM");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("lineItems[1].menuItemId");
	}

	@Test
	void answersARefusedOrderWithoutFieldWith422AndNoFieldErrors() {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(Reason.CONSUMER_REFUSED,
				"The consumer cannot place this order: Consumer is suspended", null));

		var result = place(VALID_ORDER);

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused",
				"The consumer cannot place this order: Consumer is suspended");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo("CONSUMER_REFUSED");
		assertThat(result).bodyJson().doesNotHavePath("$.errors");
	}

	@Test
	void answersAReusedIdempotencyKeyWith422() {
		var key = new IdempotencyKey("order-7f3a");
		given(orders.place(any(), any())).willThrow(OrderFixtures.keyReused(key));

		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key.value())
				.content(VALID_ORDER).exchange();

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
				"Idempotency-Key 'order-7f3a' was already used for a different request");
	}

	@ParameterizedTest
	@CsvSource({ "PT30S, 30", "PT1.5S, 2", "PT0.001S, 1", "PT0S, 1" })
	void answersAnUnavailableServiceWith503AndWhenToRetry(Duration retryAfter, String seconds) {
		given(orders.place(any(), isNull()))
				.willThrow(ClientFailures.unavailable("kitchen-service", "the circuit breaker is open", retryAfter));

		var result = place(VALID_ORDER);

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"kitchen-service is unavailable: the circuit breaker is open");
		assertThat(result).hasHeader("Retry-After", seconds);
		assertThat(result).bodyJson().extractingPath("$.service").asString().isEqualTo("kitchen-service");
	}

	@Test
	void answersAnUnexpectedAnswerOfACalledServiceWith502() {
		given(orders.place(any(), isNull())).willThrow(
				new UnexpectedAnswerException("kitchen-service", "a price of -1.00 USD", null));

		assertProblem(place(VALID_ORDER), HttpStatus.BAD_GATEWAY, "Bad gateway",
				"kitchen-service gave an unexpected answer: a price of -1.00 USD");
	}

	@Test
	void answersAValueTheDomainRefusesWith400() {
		given(orders.place(any(), isNull())).willThrow(new IllegalArgumentException("an order needs at least one line item"));

		assertProblem(place(VALID_ORDER), HttpStatus.BAD_REQUEST, "Invalid request", "an order needs at least one line item");
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		given(orders.place(any(), isNull())).willThrow(new IllegalStateException("connection to 10.0.0.7 lost"));

		assertProblem(place(VALID_ORDER), HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed to process the request.");
	}

	@ParameterizedTest
	@MethodSource("databaseOutages")
	void answersAnUnreachableDatabaseWith503AndWhenToRetry(RuntimeException outage) {
		given(orders.place(any(), isNull())).willThrow(outage);

		assertDatabaseUnavailable(place(VALID_ORDER));
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

	@Test
	void passesOnTheRefusalOfACalledServiceAs403() {
		given(orders.place(any(), isNull())).willThrow(
				new AccessRefusedException("consumer-service refused this caller the request it needed to make for it."));

		assertProblem(place(VALID_ORDER), HttpStatus.FORBIDDEN, "Forbidden",
				"consumer-service refused this caller the request it needed to make for it.");
	}

	@Test
	void answersATokenACalledServiceDidNotAcceptWith503NotWith401() {
		given(orders.place(any(), isNull())).willThrow(ClientFailures.tokenRefused("consumer-service", Duration.ofSeconds(1)));

		var result = place(VALID_ORDER);

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"consumer-service is unavailable: it did not accept the caller's bearer token");
		assertThat(result).hasHeader("Retry-After", "1").doesNotContainHeader("WWW-Authenticate");
		assertThat(result).bodyJson().extractingPath("$.service").asString().isEqualTo("consumer-service");
	}

	// --- who may: the access table of docs/security.md (OrderApiAccessIT checks it over HTTP) ---

	@ParameterizedTest
	@MethodSource("notThisConsumer")
	void placesOrdersOnlyForTheConsumerItself(String token) {
		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-7f3a").content(VALID_ORDER)
				.exchange();

		assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "Only the consumer itself may do this.");
		verifyNoInteractions(orders);
	}

	static Stream<String> notThisConsumer() {
		return Stream.of(TestTokens.consumer(UUID.randomUUID()), TestTokens.admin(),
				TestTokens.kitchen(RESTAURANT.value()));
	}

	@Test
	void readsOnlyItsOwnOrdersForAConsumer() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.findOf(CONSUMER, order.id())).willReturn(order);

		var result = mvc.get().uri(path(order.id(), "")).header(AUTHORIZATION, AS_CONSUMER).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.orderId").asString().isEqualTo(order.id().toString());
		then(orders).should().findOf(CONSUMER, order.id());
		then(orders).shouldHaveNoMoreInteractions();
	}

	@Test
	void keepsKitchenStaffAwayFromOrders() {
		var kitchen = "Bearer " + TestTokens.kitchen(RESTAURANT.value());
		var id = OrderId.random();

		assertProblem(mvc.get().uri(path(id, "")).header(AUTHORIZATION, kitchen).exchange(), HttpStatus.FORBIDDEN);
		assertProblem(mvc.get().uri(ORDERS).param("consumerId", CONSUMER.toString()).header(AUTHORIZATION, kitchen)
				.exchange(), HttpStatus.FORBIDDEN);
		assertProblem(mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, kitchen).exchange(),
				HttpStatus.FORBIDDEN);
		verifyNoInteractions(orders);
	}

	@Test
	void listsOnlyItsOwnOrdersForAConsumer() {
		var another = "Bearer " + TestTokens.consumer(UUID.randomUUID());

		var result = mvc.get().uri(ORDERS).param("consumerId", CONSUMER.toString()).header(AUTHORIZATION, another)
				.exchange();

		assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "Only an admin or the consumer itself may do this.");
		verifyNoInteractions(orders);
	}

	@Test
	void letsOnlyConsumersCancel() {
		assertProblem(mvc.post().uri(path(OrderId.random(), "/cancel")).header(AUTHORIZATION, AS_ADMIN).exchange(),
				HttpStatus.FORBIDDEN);
		verifyNoInteractions(orders);
	}

	@Test
	void answersARequestWithoutTokenWith401() {
		var result = mvc.get().uri(path(OrderId.random(), "")).exchange();

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result).headers().containsHeader("WWW-Authenticate");
		verifyNoInteractions(orders);
	}

	// --- GET /api/v1/orders/{orderId} ---

	@Test
	void readsAnOrder() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.find(order.id())).willReturn(order);

		var result = mvc.get().uri(path(order.id(), "")).header(AUTHORIZATION, AS_ADMIN).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "consumerId": "%s", "restaurantId": "%s", "state": "APPROVAL_PENDING",
				 "lineItems": [
				   {"menuItemId": "m1", "name": "Curry", "quantity": 2, "price": {"amount": "12.50", "currency": "USD"}},
				   {"menuItemId": "m2", "name": "Naan", "quantity": 3, "price": {"amount": "2.25", "currency": "USD"}}],
				 "orderTotal": {"amount": "31.75", "currency": "USD"}, "deliveryAddress": "1 Main St",
				 "ticketId": null, "rejectionReason": null, "createdAt": "2026-01-01T12:00:00Z", "version": 0}"""
				.formatted(order.id(), CONSUMER, RESTAURANT));
	}

	@Test
	void answersAnUnknownOrderWith404() {
		var id = OrderId.random();
		given(orders.find(id)).willThrow(OrderFixtures.notFound(id));

		assertProblem(mvc.get().uri(path(id, "")).header(AUTHORIZATION, AS_ADMIN)
				.exchange(), HttpStatus.NOT_FOUND, "Order not found",
				"No order with id " + id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, ''", "POST, /cancel" })
	void answersAMalformedOrderIdWith400(HttpMethod method, String suffix) {
		assertProblem(mvc.method(method).uri(path("not-a-uuid", suffix)).header(AUTHORIZATION, AS_ADMIN)
				.exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		assertProblem(mvc.delete().uri(path(OrderId.random(), "")).header(AUTHORIZATION, AS_ADMIN)
				.exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(orders);
	}

	// --- GET /api/v1/orders?consumerId=&page=&size= ---

	@Test
	void listsTheOrdersOfAConsumerTwentyAtATimeByDefault() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.findByConsumer(CONSUMER, 0, 20)).willReturn(new PageImpl<>(List.of(order), PageRequest.of(0, 20), 1));

		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.content[*].orderId").asArray().containsExactly(order.id().toString());
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"page": 0, "size": 20, "totalElements": 1, "totalPages": 1}""");
		assertThat(result).bodyJson().extractingPath("$").asMap()
				.containsOnlyKeys("content", "page", "size", "totalElements", "totalPages");
	}

	@Test
	void servesLargePagesOneHundredAtATime() {
		given(orders.findByConsumer(CONSUMER, 3, 100)).willReturn(new PageImpl<>(List.of(), PageRequest.of(3, 100), 0));

		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).param("page", "3")
				.param("size", "500").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.size").asNumber().isEqualTo(100);
		then(orders).should().findByConsumer(CONSUMER, 3, 100);
	}

	@Test
	void namesTheBadPagingParameters() {
		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).param("page", "-1")
				.param("size", "0").exchange();

		assertInvalid(result, "page", "size");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource({ "page, first", "size, ten", "size, 1.5" })
	void refusesAPagingParameterThatIsNotANumber(String parameter, String value) {
		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).param(parameter, value).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAListingWithoutConsumerId() {
		assertProblem(mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-uuid" })
	void refusesAListingWithAMalformedConsumerId(String consumerId) {
		assertProblem(mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", consumerId).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	// --- POST /api/v1/orders/{orderId}/cancel ---

	@Test
	void acceptsACancellationRequest() {
		var order = OrderFixtures.cancelPending();
		given(orders.requestCancellation(CONSUMER, order.id())).willReturn(order);

		var result = mvc.post().uri(path(order.id(), "/cancel")).header(AUTHORIZATION, AS_CONSUMER).exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().extractingPath("$.orderId").asString().isEqualTo(order.id().toString());
		assertThat(result).bodyJson().extractingPath("$.state").asString().isEqualTo("CANCEL_PENDING");
		assertThat(result).bodyJson().extractingPath("$.ticketId").asString().isEqualTo(order.ticketId().toString());
	}

	@Test
	void answersCancellingAnUnknownOrderWith404() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(OrderFixtures.notFound(id));

		assertProblem(mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, AS_CONSUMER)
				.exchange(), HttpStatus.NOT_FOUND, "Order not found",
				"No order with id " + id);
	}

	@Test
	void answersCancellingAnOrderStillAwaitingApprovalWith409() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(OrderFixtures.illegalTransition(
				"Order " + id + " cannot be cancelled in state APPROVAL_PENDING"));

		assertProblem(mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, AS_CONSUMER)
				.exchange(), HttpStatus.CONFLICT, "Transition not allowed",
				"Order " + id + " cannot be cancelled in state APPROVAL_PENDING");
	}

	@Test
	void answersAConcurrentCancellationWith409() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, AS_CONSUMER).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}
}
