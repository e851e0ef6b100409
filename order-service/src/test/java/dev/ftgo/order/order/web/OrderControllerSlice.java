package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderService;
import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.order.order.PlacedOrder;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.testsupport.TestTokens;

/**
 * The web slice every order controller test runs in: both versions' controllers, validation and error mapping,
 * with {@link OrderService} mocked. One configuration for all of them, so that they share one application context;
 * a subclass says which version it calls and what that version calls an order's lines.
 */
@WebMvcTest(controllers = { OrderController.class, OrderV2Controller.class }, properties = "eureka.client.enabled=false")
abstract class OrderControllerSlice {

	static final ConsumerId CONSUMER = new ConsumerId(UUID.fromString("11111111-1111-4111-8111-111111111111"));
	static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("22222222-2222-4222-8222-222222222222"));

	/** {@link #CONSUMER} itself, who may place, read, list and cancel its orders. */
	static final String AS_CONSUMER = "Bearer " + TestTokens.consumer(CONSUMER.value());
	static final String AS_ADMIN = "Bearer " + TestTokens.admin();

	/** What {@link #validOrder()} asks the application service for, in either version. */
	static final PlaceOrder THE_VALID_ORDER = new PlaceOrder(CONSUMER, RESTAURANT,
			List.of(new PlaceOrder.Line(new MenuItemId("m1"), 2), new PlaceOrder.Line(new MenuItemId("m2"), 3)),
			"1 Main St");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	OrderService orders;

	/** The version's collection, e.g. {@code /api/v1/orders}. */
	final String ordersUri;

	/** What the version calls an order's lines in a request. */
	private final String lines;

	OrderControllerSlice(String ordersUri, String lines) {
		this.ordersUri = ordersUri;
		this.lines = lines;
	}

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	/** An order of {@code quantity} of item m1, without delivery address, as the application service is asked it. */
	static PlaceOrder orderOfM1(int quantity) {
		return new PlaceOrder(CONSUMER, RESTAURANT, List.of(new PlaceOrder.Line(new MenuItemId("m1"), quantity)), null);
	}

	/** Two m1 and three m2 to a padded 1 Main St, for {@link #CONSUMER} at {@link #RESTAURANT}. */
	String validOrder() {
		return """
				{"consumerId": "%s", "restaurantId": "%s",
				 "%s": [{"menuItemId": "m1", "quantity": 2}, {"menuItemId": "m2", "quantity": 3}],
				 "deliveryAddress": "  1 Main St  "}""".formatted(CONSUMER, RESTAURANT, lines);
	}

	/** An order whose lines are {@code linesJson}, without delivery address. */
	String orderWithLines(String linesJson) {
		return """
				{"consumerId": "%s", "restaurantId": "%s", "%s": [%s]}""".formatted(CONSUMER, RESTAURANT, lines, linesJson);
	}

	/** One line more than an order may have. */
	static String tooManyLines() {
		var lines = new StringBuilder();
		for (int i = 0; i <= PlaceOrderRequest.MAX_LINE_ITEMS; i++) {
			lines.append(i == 0 ? "" : ", ").append("{\"menuItemId\": \"m%d\", \"quantity\": 1}".formatted(i));
		}
		return lines.toString();
	}

	String path(Object orderId, String suffix) {
		return ordersUri + "/" + orderId + suffix;
	}

	/** Places {@code json} as {@link #CONSUMER}. */
	MvcTestResult place(String json) {
		return mvc.post().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	/** Places {@code json} as {@link #CONSUMER}, with an {@code Idempotency-Key}. */
	MvcTestResult place(String json, String idempotencyKey) {
		return mvc.post().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey)
				.content(json).exchange();
	}

	/** Reads the order as an admin. */
	MvcTestResult read(Object orderId) {
		return mvc.get().uri(path(orderId, "")).header(AUTHORIZATION, AS_ADMIN).exchange();
	}

	/** Lists {@link #CONSUMER}'s orders as {@link #CONSUMER}, with more parameters given as names and values. */
	MvcTestResult list(String... moreParameters) {
		var request = mvc.get().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER).param("consumerId", CONSUMER.toString());
		for (int i = 0; i < moreParameters.length; i += 2) {
			request.param(moreParameters[i], moreParameters[i + 1]);
		}
		return request.exchange();
	}

	/** Asks to cancel the order as {@link #CONSUMER}. */
	MvcTestResult cancel(Object orderId) {
		return mvc.post().uri(path(orderId, "/cancel")).header(AUTHORIZATION, AS_CONSUMER).exchange();
	}

	/** The application service answers every placement with {@code order}: a new one, or a replay of it. */
	void givenPlaced(Order order, boolean replayed) {
		given(orders.place(any(), any())).willReturn(new PlacedOrder(order, replayed));
	}

	/** The application service finds {@code order} by its id; the order. */
	Order givenStored(Order order) {
		given(orders.find(order.id())).willReturn(order);
		return order;
	}

	/** The application service accepts {@link #CONSUMER}'s request to cancel an approved order; the order. */
	Order givenCancellationAccepted() {
		var order = OrderFixtures.cancelPending();
		given(orders.requestCancellation(CONSUMER, order.id())).willReturn(order);
		return order;
	}

	/** A 201 that points at {@code order} in this version, marked as a replay or not. */
	void assertCreated(MvcTestResult result, Order order, boolean replayed) {
		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", path(order.id(), ""))
				.hasHeader("Idempotent-Replayed", String.valueOf(replayed));
	}

	/**
	 * Places {@link #validOrder()} without a key: the application service is asked for exactly
	 * {@link #THE_VALID_ORDER}, and the answer is a 201 that points at the order, with the body
	 * {@code bodyWithOrderId} (a format for the order's id).
	 */
	void assertPlacesTheValidOrderAnew(String bodyWithOrderId) {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		givenPlaced(order, false);

		var result = place(validOrder());

		assertCreated(result, order, false);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo(bodyWithOrderId.formatted(order.id()));
		then(orders).should().place(THE_VALID_ORDER, null);
	}

	/** Placing {@code body} is refused as malformed, naming only {@code field}, before the service is asked. */
	void assertWrongJsonType(String body, String field) {
		var result = place(body);

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		verifyNoInteractions(orders);
	}

	static void assertNotFound(MvcTestResult result, OrderId id) {
		assertProblem(result, HttpStatus.NOT_FOUND, "Order not found", "No order with id " + id);
	}

	/** The application service refuses to cancel {@code id} in its state; what the client is told. */
	String givenCancellationNotAllowed(OrderId id) {
		var detail = "Order " + id + " cannot be cancelled in state APPROVAL_PENDING";
		given(orders.requestCancellation(CONSUMER, id)).willThrow(OrderFixtures.illegalTransition(detail));
		return detail;
	}
}
