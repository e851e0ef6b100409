package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;

/** POST /api/v1/restaurants: what a creation must hold, and how its failures are answered. */
class RestaurantCreationWebMvcTest extends RestaurantControllerSlice {

	/** Names a restaurant cannot have: blank, or longer than the domain allows. */
	static Stream<String> invalidNames() {
		return Stream.of("", "   ", "x".repeat(Restaurant.MAX_NAME_LENGTH + 1));
	}

	@Test
	void createsARestaurantAndAnswersWithItsLocation() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.create(anyString(), any())).willReturn(ajanta);

		var result = send(HttpMethod.POST, RESTAURANTS, creation(VALID_MENU));

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.hasHeader("Location", path(ajanta.id(), ""));
		assertThat(result).bodyJson().isStrictlyEqualTo("{\"restaurantId\": \"%s\"}".formatted(ajanta.id()));
		then(restaurants).should().create("Ajanta", THE_VALID_MENU);
	}

	@Test
	void refusesACreationWithoutNameAndMenu() {
		assertInvalid(send(HttpMethod.POST, RESTAURANTS, "{}"), "name", "menu");
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("invalidNames")
	void refusesABlankOrOverlongName(String name) {
		var result = send(HttpMethod.POST, RESTAURANTS, "{\"name\": \"%s\", \"menu\": %s}".formatted(name, VALID_MENU));

		assertInvalid(result, "name");
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("invalidMenus")
	void namesTheInvalidPartsOfTheMenuOfACreation(String menu, String[] fields) {
		assertInvalid(send(HttpMethod.POST, RESTAURANTS, creation(menu)), fields);
		verifyNoInteractions(restaurants);
	}

	@Test
	void refusesAMenuOfTooManyItems() {
		var items = new StringBuilder("[");
		for (int i = 0; i <= Menu.MAX_ITEMS; i++) {
			items.append(i == 0 ? "" : ",").append("""
					{"menuItemId": "m%d", "name": "Dish", "price": {"amount": "1.00", "currency": "USD"}}""".formatted(i));
		}

		assertInvalid(send(HttpMethod.POST, RESTAURANTS, creation(items.append("]").toString())), "menu");
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[1, 2]", "\"Ajanta\"", "" })
	void refusesACreationThatIsNotAJsonObject(String body) {
		assertMalformed(send(HttpMethod.POST, RESTAURANTS, body));
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("wronglyTypedMenus")
	void namesTheWronglyTypedFieldOfACreation(String body, String field) {
		var result = send(HttpMethod.POST, RESTAURANTS, body);

		assertMalformed(result, field);
		verifyNoInteractions(restaurants);
	}

	@Test
	void refusesACreationThatIsNotJson() {
		var result = mvc.post().header(AUTHORIZATION, ADMIN)
				.uri(RESTAURANTS).contentType(MediaType.TEXT_PLAIN).content("Ajanta").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(restaurants);
	}

	@Test
	void answersAValueTheDomainRefusesWith400() {
		given(restaurants.create(anyString(), any())).willThrow(new IllegalArgumentException("name must not be blank"));

		assertProblem(send(HttpMethod.POST, RESTAURANTS, creation(VALID_MENU)), HttpStatus.BAD_REQUEST,
				"Invalid request", "name must not be blank");
	}

	@Test
	void answersAnUnexpectedFailureWith500WithoutItsDetails() {
		given(restaurants.create(anyString(), any())).willThrow(new IllegalStateException("disk full on /var/lib"));

		assertProblem(send(HttpMethod.POST, RESTAURANTS, creation(VALID_MENU)), HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error", "The service failed to process the request.");
	}
}
