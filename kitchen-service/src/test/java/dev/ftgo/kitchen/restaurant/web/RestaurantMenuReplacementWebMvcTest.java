package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertConcurrentUpdate;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.restaurant.RestaurantId;

/** PUT /api/v1/restaurants/{restaurantId}/menu: what a new menu must hold, and how its failures are answered. */
class RestaurantMenuReplacementWebMvcTest extends RestaurantControllerSlice {

	private static String menuOf(RestaurantId id) {
		return path(id, "/menu");
	}

	@Test
	void replacesTheMenu() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.replaceMenu(ajanta.id(), THE_VALID_MENU)).willReturn(ajanta);

		var result = send(HttpMethod.PUT, menuOf(ajanta.id()), replacement(VALID_MENU));

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.restaurantId").asString().isEqualTo(ajanta.id().toString());
		assertThat(result).bodyJson().extractingPath("$.menu[*].menuItemId").asArray().containsExactly("m1", "m2");
	}

	@Test
	void refusesAReplacementWithoutMenu() {
		assertInvalid(send(HttpMethod.PUT, menuOf(RestaurantId.random()), "{}"), "menu");
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("invalidMenus")
	void namesTheInvalidPartsOfAReplacementMenu(String menu, String[] fields) {
		assertInvalid(send(HttpMethod.PUT, menuOf(RestaurantId.random()), replacement(menu)), fields);
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[1, 2]", "\"Ajanta\"", "" })
	void refusesAReplacementThatIsNotAJsonObject(String body) {
		assertMalformed(send(HttpMethod.PUT, menuOf(RestaurantId.random()), body));
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("wronglyTypedMenus")
	void namesTheWronglyTypedFieldOfAReplacement(String body, String field) {
		var result = send(HttpMethod.PUT, menuOf(RestaurantId.random()), body);

		assertMalformed(result, field);
		verifyNoInteractions(restaurants);
	}

	@Test
	void refusesAReplacementThatIsNotJson() {
		var result = mvc.put().header(AUTHORIZATION, ADMIN)
				.uri(menuOf(RestaurantId.random())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("menu=curry").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(restaurants);
	}

	@Test
	void answersReplacingTheMenuOfAnUnknownRestaurantWith404() {
		var id = RestaurantId.random();
		given(restaurants.replaceMenu(any(), any())).willThrow(RestaurantFixtures.notFound(id));

		assertNotFound(send(HttpMethod.PUT, menuOf(id), replacement(VALID_MENU)), id);
	}

	@Test
	void answersAConcurrentMenuReplacementWith409() {
		given(restaurants.replaceMenu(any(), any())).willThrow(new OptimisticLockingFailureException("row was updated"));

		assertConcurrentUpdate(send(HttpMethod.PUT, menuOf(RestaurantId.random()), replacement(VALID_MENU)));
	}
}
