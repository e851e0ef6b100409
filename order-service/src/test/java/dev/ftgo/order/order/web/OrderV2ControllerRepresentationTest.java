package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderLineItem;
import dev.ftgo.order.order.Quantity;

/**
 * An order in v2's representation, as reading, listing and cancelling through v2 answer it: money in minor units
 * and a {@code status}, with v1's paging fields.
 */
class OrderV2ControllerRepresentationTest extends OrderControllerSlice {

	OrderV2ControllerRepresentationTest() {
		super("/api/v2/orders", "items");
	}

	@Test
	void readsAnOrderWithMoneyInCents() {
		var order = givenStored(OrderFixtures.order(CONSUMER, RESTAURANT));

		var result = read(order.id());

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
		var order = givenStored(Order.place(CONSUMER, RESTAURANT, List.of(new OrderLineItem(new MenuItemId("r1"), "Ramen",
				new Quantity(2), Money.of("1500", "JPY"))), null, OrderFixtures.NOW));

		var result = read(order.id());

		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"items": [{"price": {"amountMinor": 1500, "currency": "JPY"}}],
				 "orderTotal": {"amountMinor": 3000, "currency": "JPY"}}""");
	}

	@Test
	void answersAnUnknownOrderWith404() {
		var id = OrderId.random();
		given(orders.find(id)).willThrow(OrderFixtures.notFound(id));

		assertNotFound(read(id), id);
	}

	@Test
	void answersAMalformedOrderIdWith400() {
		assertProblem(read("not-a-uuid"), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void listsV2OrdersWithTheV1PagingFields() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.findByConsumer(CONSUMER, 1, 100)).willReturn(new PageImpl<>(List.of(order), PageRequest.of(1, 100), 101));

		var result = list("page", "1", "size", "500");

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
		assertInvalid(list("page", "-1", "size", "0"), "page", "size");
		verifyNoInteractions(orders);
	}

	@Test
	void acceptsACancellationRequest() {
		var order = givenCancellationAccepted();

		var result = cancel(order.id());

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"orderId": "%s", "status": "CANCEL_PENDING", "ticketId": "%s"}""".formatted(order.id(), order.ticketId()));
		assertThat(result).bodyJson().doesNotHavePath("$.state");
	}

	@Test
	void answersCancellingInTheWrongStateWith409() {
		var id = OrderId.random();
		var detail = givenCancellationNotAllowed(id);

		assertProblem(cancel(id), HttpStatus.CONFLICT, "Transition not allowed", detail);
	}
}
