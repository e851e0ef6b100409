package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.order.order.OrderFixtures;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.testsupport.TestTokens;

/** Who may do what with v1's orders: the access table of docs/security.md (OrderApiAccessIT checks it over HTTP). */
class OrderControllerAccessTest extends OrderControllerSlice {

	OrderControllerAccessTest() {
		super("/api/v1/orders", "lineItems");
	}

	@ParameterizedTest
	@MethodSource("notThisConsumer")
	void placesOrdersOnlyForTheConsumerItself(String token) {
		var result = mvc.post().uri(ordersUri).header(AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "order-7f3a").content(validOrder())
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
		assertProblem(mvc.get().uri(ordersUri).param("consumerId", CONSUMER.toString()).header(AUTHORIZATION, kitchen)
				.exchange(), HttpStatus.FORBIDDEN);
		assertProblem(mvc.post().uri(path(id, "/cancel")).header(AUTHORIZATION, kitchen).exchange(),
				HttpStatus.FORBIDDEN);
		verifyNoInteractions(orders);
	}

	@Test
	void listsOnlyItsOwnOrdersForAConsumer() {
		var another = "Bearer " + TestTokens.consumer(UUID.randomUUID());

		var result = mvc.get().uri(ordersUri).param("consumerId", CONSUMER.toString()).header(AUTHORIZATION, another)
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
}
