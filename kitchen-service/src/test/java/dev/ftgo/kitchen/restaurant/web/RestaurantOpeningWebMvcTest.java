package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.mockito.BDDMockito.BDDMyOngoingStubbing;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.restaurant.RestaurantId;

/**
 * POST /api/v1/restaurants/{restaurantId}/close and /open: both answer the restaurant, and refuse a restaurant
 * that is unknown, already in that state or changed by someone else meanwhile in the same way.
 */
class RestaurantOpeningWebMvcTest extends RestaurantControllerSlice {

	private static final String CLOSE = "/close";
	private static final String OPEN = "/open";

	@Test
	void closesARestaurant() {
		var ajanta = RestaurantFixtures.closed(RestaurantFixtures.ajanta());
		given(restaurants.close(ajanta.id())).willReturn(ajanta);

		assertAnswered(send(HttpMethod.POST, path(ajanta.id(), CLOSE)), ajanta, false);
	}

	@Test
	void answersClosingAnUnknownRestaurantWith404() {
		assertUnknownRestaurantAnswered(CLOSE);
	}

	@Test
	void answersClosingAClosedRestaurantWith409() {
		assertNoChangeAnswered(CLOSE, "closed");
	}

	@Test
	void answersAConcurrentClosingWith409() {
		assertConcurrentChangeAnswered(CLOSE);
	}

	@Test
	void opensARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.open(ajanta.id())).willReturn(ajanta);

		assertAnswered(send(HttpMethod.POST, path(ajanta.id(), OPEN)), ajanta, true);
	}

	@Test
	void answersOpeningAnUnknownRestaurantWith404() {
		assertUnknownRestaurantAnswered(OPEN);
	}

	@Test
	void answersOpeningAnOpenRestaurantWith409() {
		assertNoChangeAnswered(OPEN, "open");
	}

	@Test
	void answersAConcurrentOpeningWith409() {
		assertConcurrentChangeAnswered(OPEN);
	}

	/** The service call behind a change, by its path suffix. */
	private BDDMyOngoingStubbing<Restaurant> givenChange(String change, RestaurantId id) {
		return given(change.equals(CLOSE) ? restaurants.close(id) : restaurants.open(id));
	}

	private static void assertAnswered(MvcTestResult result, Restaurant restaurant, boolean open) {
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.restaurantId").asString().isEqualTo(restaurant.id().toString());
		assertThat(result).bodyJson().extractingPath("$.open").asBoolean().isEqualTo(open);
	}

	private void assertUnknownRestaurantAnswered(String change) {
		var id = RestaurantId.random();
		givenChange(change, id).willThrow(RestaurantFixtures.notFound(id));

		assertNotFound(send(HttpMethod.POST, path(id, change)), id);
	}

	/** 409 for a restaurant already {@code state}: the domain's message is the detail. */
	private void assertNoChangeAnswered(String change, String state) {
		var id = RestaurantId.random();
		var message = "Restaurant " + id + " is already " + state;
		givenChange(change, id).willThrow(RestaurantFixtures.illegalTransition(message));

		assertProblem(send(HttpMethod.POST, path(id, change)), HttpStatus.CONFLICT, "Transition not allowed", message);
	}

	private void assertConcurrentChangeAnswered(String change) {
		var id = RestaurantId.random();
		givenChange(change, id).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(send(HttpMethod.POST, path(id, change)));
	}
}
