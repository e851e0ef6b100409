package dev.ftgo.order.order.web;

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

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderLineItem;
import dev.ftgo.order.order.OrderRefusedException.Reason;
import dev.ftgo.order.order.OrderService;
import dev.ftgo.order.order.PlaceOrder;
import dev.ftgo.order.order.PlacedOrder;
import dev.ftgo.order.order.Quantity;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.testsupport.TestTokens;

/**
 * The v2 order endpoints alone. Their behaviour is v1's ({@link OrderControllerWebMvcTest} covers it in depth); this
 * checks the v2 representation and that v2's names reach the client, in answers and in errors alike.
 */
@WebMvcTest(controllers = { OrderController.class, OrderV2Controller.class }, properties = "eureka.client.enabled=false")
class OrderV2ControllerWebMvcTest {

	private static final String ORDERS = "/api/v2/orders";

	private static final ConsumerId CONSUMER = new ConsumerId(UUID.fromString("11111111-1111-4111-8111-111111111111"));
	private static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("22222222-2222-4222-8222-222222222222"));

	/** {@link #CONSUMER} itself, who may place, read, list and cancel its orders. */
	private static final String AS_CONSUMER = "Bearer " + TestTokens.consumer(CONSUMER.value());
	private static final String AS_ADMIN = "Bearer " + TestTokens.admin();

	private static final String VALID_ORDER = """
			{"consumerId": "%s", "restaurantId": "%s",
			 "items": [{"menuItemId": "m1", "quantity": 2}, {"menuItemId": "m2", "quantity": 3}],
			 "deliveryAddress": "  1 Main St  "}""".formatted(CONSUMER, RESTAURANT);

	/** What {@link #VALID_ORDER} asks the application service for: exactly what the same v1 order asks. */
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

	private static String orderWithItem(String itemJson) {
		return """
				{"consumerId": "%s", "restaurantId": "%s", "items": [%s]}""".formatted(CONSUMER, RESTAURANT, itemJson);
	}

	private static String path(Object orderId, String suffix) {
		return ORDERS + "/" + orderId + suffix;
	}

	// --- POST /api/v2/orders ---

	@Test
	void placesAnOrderAndAnswersWithItsV2Location() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.place(any(), isNull())).willReturn(new PlacedOrder(order, false));

		var result = place(VALID_ORDER);

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.hasHeader("Location", path(order.id(), "")).hasHeader("Idempotent-Replayed", "false");
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "status": "APPROVAL_PENDING"}""".formatted(order.id()));
		then(orders).should().place(THE_VALID_ORDER, null);
	}

	@Test
	void passesTheIdempotencyKeyOnAndMarksAReplay() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.place(any(), any())).willReturn(new PlacedOrder(order, true));

		var result = mvc.post().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-7f3a")
				.content(VALID_ORDER).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true")
				.hasHeader("Location", path(order.id(), ""));
		then(orders).should().place(THE_VALID_ORDER, new IdempotencyKey("order-7f3a"));
	}

	@Test
	void ignoresUnknownFieldsAndV1sNameForTheItems() {
		given(orders.place(any(), isNull())).willReturn(new PlacedOrder(OrderFixtures.order(), false));

		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "tip": {"amountMinor": 500, "currency": "USD"},
				 "items": [{"menuItemId": "m1", "quantity": 1, "spicy": true}],
				 "lineItems": [{"menuItemId": "m9", "quantity": 9}]}""".formatted(CONSUMER, RESTAURANT));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		then(orders).should().place(
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(new PlaceOrder.Line(new MenuItemId("m1"), 1)), null), null);
	}

	@Test
	void namesEveryInvalidFieldByItsV2Name() {
		var result = place("""
				{"items": [{"menuItemId": " "}, null], "deliveryAddress": "%s"}""".formatted("x".repeat(501)));

		assertInvalid(result, "consumerId", "deliveryAddress", "items[0].menuItemId", "items[0].quantity", "items[1]",
				"restaurantId");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAnOrderWhoseLinesAreCalledLineItems() {
		var result = place("""
				{"consumerId": "%s", "restaurantId": "%s", "lineItems": [{"menuItemId": "m1", "quantity": 1}]}"""
				.formatted(CONSUMER, RESTAURANT));

		assertInvalid(result, "items");
		verifyNoInteractions(orders);
	}

	@Test
	void refusesTooManyItems() {
		var items = new StringBuilder();
		for (int i = 0; i <= PlaceOrderRequest.MAX_LINE_ITEMS; i++) {
			items.append(i == 0 ? "" : ", ").append("{\"menuItemId\": \"m%d\", \"quantity\": 1}".formatted(i));
		}

		assertInvalid(place(orderWithItem(items.toString())), "items");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"items": {"menuItemId": "m1"}}                                  | items
			{"items": [{"menuItemId": "m1", "quantity": 2.5}]}               | items[0].quantity
			{"items": [{"menuItemId": "m1", "quantity": "two"}]}             | items[0].quantity
			{"consumerId": "not-a-uuid"}                                     | consumerId
			""")
	void namesTheFieldOfTheWrongJsonType(String body, String field) {
		var result = place(body);

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource({ "INVALID_QUANTITY, lineItems[0].quantity, items[0].quantity",
			"UNKNOWN_MENU_ITEM, lineItems[1].menuItemId, items[1].menuItemId",
			"UNKNOWN_RESTAURANT, restaurantId, restaurantId" })
	void namesTheRefusedFieldByItsV2Name(Reason reason, String domainField, String v2Field) {
		given(orders.place(any(), isNull())).willThrow(OrderFixtures.refused(reason, "refused", domainField));

		var result = place(VALID_ORDER);

		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "Order refused", "refused");
		assertThat(result).bodyJson().extractingPath("$.reason").asString().isEqualTo(reason.name());
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(v2Field);
	}

	// --- GET /api/v2/orders/{orderId} ---

	@Test
	void readsAnOrderWithMoneyInCents() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.find(order.id())).willReturn(order);

		var result = mvc.get().uri(path(order.id(), "")).header(AUTHORIZATION, AS_ADMIN).exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "consumerId": "%s", "restaurantId": "%s", "status": "APPROVAL_PENDING",
				 "items": [
				   {"menuItemId": "m1", "name": "Curry", "quantity": 2, "price": {"amountMinor": 1250, "currency": "USD"}},
				   {"menuItemId": "m2", "name": "Naan", "quantity": 3, "price": {"amountMinor": 225, "currency": "USD"}}],
				 "orderTotal": {"amountMinor": 3175, "currency": "USD"}, "deliveryAddress": "1 Main St",
				 "ticketId": null, "rejectionReason": null, "createdAt": "2026-01-01T12:00:00Z", "version": 0}"""
				.formatted(order.id(), CONSUMER, RESTAURANT));
	}

	@Test
	void readsAnOrderInACurrencyWithoutMinorUnits() {
		var order = Order.place(CONSUMER, RESTAURANT, List.of(new OrderLineItem(new MenuItemId("r1"), "Ramen",
				new Quantity(2), Money.of("1500", "JPY"))), null, OrderFixtures.NOW);
		given(orders.find(order.id())).willReturn(order);

		var result = mvc.get().uri(path(order.id(), "")).header(AUTHORIZATION, AS_ADMIN).exchange();

		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"items": [{"price": {"amountMinor": 1500, "currency": "JPY"}}],
				 "orderTotal": {"amountMinor": 3000, "currency": "JPY"}}""");
	}

	@Test
	void answersAnUnknownOrderWith404() {
		var id = OrderId.random();
		given(orders.find(id)).willThrow(OrderFixtures.notFound(id));

		assertProblem(mvc.get().uri(path(id, "")).header(AUTHORIZATION, AS_ADMIN)
				.exchange(), HttpStatus.NOT_FOUND, "Order not found",
				"No order with id " + id);
	}

	@Test
	void answersAMalformedOrderIdWith400() {
		assertProblem(mvc.get().uri(path("not-a-uuid", "")).header(AUTHORIZATION, AS_ADMIN)
				.exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	// --- GET /api/v2/orders?consumerId=&page=&size= ---

	@Test
	void listsV2OrdersWithTheV1PagingFields() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.findByConsumer(CONSUMER, 1, 100)).willReturn(new PageImpl<>(List.of(order), PageRequest.of(1, 100), 101));

		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).param("page", "1")
				.param("size", "500").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$").asMap()
				.containsOnlyKeys("content", "page", "size", "totalElements", "totalPages");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"page": 1, "size": 100, "totalElements": 101, "totalPages": 2,
				 "content": [{"orderId": "%s", "status": "APPROVAL_PENDING", "orderTotal": {"amountMinor": 3175}}]}"""
				.formatted(order.id()));
	}

	@Test
	void namesTheBadPagingParameters() {
		var result = mvc.get().uri(ORDERS).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", CONSUMER.toString()).param("page", "-1")
				.param("size", "0").exchange();

		assertInvalid(result, "page", "size");
		verifyNoInteractions(orders);
	}

	// --- POST /api/v2/orders/{orderId}/cancel ---

	@Test
	void acceptsACancellationRequest() {
		var order = OrderFixtures.cancelPending();
		given(orders.requestCancellation(CONSUMER, order.id())).willReturn(order);

		var result = mvc.post().uri(path(order.id(), "/cancel")).header(AUTHORIZATION, AS_CONSUMER).exchange();

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"orderId": "%s", "status": "CANCEL_PENDING", "ticketId": "%s"}""".formatted(order.id(), order.ticketId()));
		assertThat(result).bodyJson().doesNotHavePath("$.state");
	}

	@Test
	void answersCancellingInTheWrongStateWith409() {
		var id = OrderId.random();
		given(orders.requestCancellation(CONSUMER, id)).willThrow(OrderFixtures.illegalTransition(
				"Order " + id + " cannot be cancelled in state APPROVAL_PENDING"));

		assertProblem(mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, AS_CONSUMER)
				.exchange(), HttpStatus.CONFLICT, "Transition not allowed",
				"Order " + id + " cannot be cancelled in state APPROVAL_PENDING");
	}
}
