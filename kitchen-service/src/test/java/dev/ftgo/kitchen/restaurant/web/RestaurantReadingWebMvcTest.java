package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.restaurant.RestaurantId;

/** GET /api/v1/restaurants/{restaurantId}, and what any path with a restaurant id answers for a bad one. */
class RestaurantReadingWebMvcTest extends RestaurantControllerSlice {

	@Test
	void readsARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.find(ajanta.id())).willReturn(ajanta);

		var result = send(HttpMethod.GET, path(ajanta.id(), ""));

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"restaurantId": "%s", "name": "Ajanta", "open": true, "menu": [
				  {"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
				  {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]}"""
				.formatted(ajanta.id()));
	}

	@Test
	void answersAnUnknownRestaurantWith404() {
		var id = RestaurantId.random();
		given(restaurants.find(id)).willThrow(RestaurantFixtures.notFound(id));

		assertNotFound(send(HttpMethod.GET, path(id, "")), id);
	}

	@ParameterizedTest
	@CsvSource({ "GET, ''", "PUT, /menu", "POST, /close", "POST, /open" })
	void answersAMalformedRestaurantIdWith400(HttpMethod method, String suffix) {
		var result = send(method, path("not-a-uuid", suffix), replacement(VALID_MENU));

		assertProblem(result, HttpStatus.BAD_REQUEST);
		verifyNoInteractions(restaurants);
	}

	@Test
	void answersAnUnsupportedMethodWith405() {
		assertProblem(send(HttpMethod.DELETE, path(RestaurantId.random(), "")), HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(restaurants);
	}
}
