package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;

/** Reading one order and listing a consumer's orders in pages through v1, and the requests for them it refuses. */
class OrderControllerReadingTest extends OrderControllerSlice {

	OrderControllerReadingTest() {
		super("/api/v1/orders", "lineItems");
	}

	@Test
	void readsAnOrder() {
		var order = givenStored(OrderFixtures.order(CONSUMER, RESTAURANT));

		var result = read(order.id());

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

		assertNotFound(read(id), id);
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

	@Test
	void listsTheOrdersOfAConsumerTwentyAtATimeByDefault() {
		var order = OrderFixtures.order(CONSUMER, RESTAURANT);
		given(orders.findByConsumer(CONSUMER, 0, 20)).willReturn(new PageImpl<>(List.of(order), PageRequest.of(0, 20), 1));

		var result = list();

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

		var result = list("page", "3", "size", "500");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.size").asNumber().isEqualTo(100);
		then(orders).should().findByConsumer(CONSUMER, 3, 100);
	}

	@Test
	void namesTheBadPagingParameters() {
		assertInvalid(list("page", "-1", "size", "0"), "page", "size");
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@CsvSource({ "page, first", "size, ten", "size, 1.5" })
	void refusesAPagingParameterThatIsNotANumber(String parameter, String value) {
		assertProblem(list(parameter, value), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@Test
	void refusesAListingWithoutConsumerId() {
		assertProblem(mvc.get().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-uuid" })
	void refusesAListingWithAMalformedConsumerId(String consumerId) {
		assertProblem(mvc.get().uri(ordersUri).header(AUTHORIZATION, AS_CONSUMER)
				.param("consumerId", consumerId).exchange(), HttpStatus.BAD_REQUEST);
		verifyNoInteractions(orders);
	}
}
