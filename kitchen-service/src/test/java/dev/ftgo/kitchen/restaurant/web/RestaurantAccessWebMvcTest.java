package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.testsupport.TestTokens;

/** Who may ask the restaurant endpoints: what the token and the path show, before the service is asked. */
class RestaurantAccessWebMvcTest extends RestaurantControllerSlice {

	/** The others who are not admins: a consumer, and the staff of some other restaurant. */
	private static final List<String> NOT_ADMINS = List.of(TestTokens.consumer(UUID.randomUUID()),
			TestTokens.kitchen(UUID.randomUUID()));

	/** A JSON request with this {@code Authorization} header, {@code null} for none. */
	private MvcTestResult send(HttpMethod method, String path, String json, String authorization) {
		var request = mvc.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return authorization == null ? request.exchange() : request.header(AUTHORIZATION, authorization).exchange();
	}

	@ParameterizedTest
	@CsvSource({ "POST, ''", "GET, /%s", "PUT, /%s/menu", "POST, /%s/close", "POST, /%s/open" })
	void answersARequestWithoutTokenWith401(HttpMethod method, String suffix) {
		var result = send(method, RESTAURANTS + suffix.formatted(RestaurantId.random()), creation(VALID_MENU), null);

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
		verifyNoInteractions(restaurants);
	}

	@Test
	void letsOnlyAdminsCreateRestaurants() {
		for (var token : NOT_ADMINS) {
			var result = send(HttpMethod.POST, RESTAURANTS, creation(VALID_MENU), bearer(token));

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "This operation needs the role admin.");
		}
		verifyNoInteractions(restaurants);
	}

	@Test
	void letsEveryRoleReadARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.find(ajanta.id())).willReturn(ajanta);

		for (var token : NOT_ADMINS) {
			assertThat(mvc.get().header(AUTHORIZATION, bearer(token)).uri(path(ajanta.id(), ""))).hasStatusOk();
		}
	}

	@ParameterizedTest
	@CsvSource({ "PUT, /menu", "POST, /close", "POST, /open" })
	void letsTheRestaurantsOwnKitchenChangeIt(HttpMethod method, String suffix) {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.replaceMenu(ajanta.id(), THE_VALID_MENU)).willReturn(ajanta);
		given(restaurants.close(ajanta.id())).willReturn(ajanta);
		given(restaurants.open(ajanta.id())).willReturn(ajanta);

		var result = send(method, path(ajanta.id(), suffix), replacement(VALID_MENU),
				bearer(TestTokens.kitchen(ajanta.id().value())));

		assertThat(result).hasStatusOk();
	}

	/** Forbidden before anything is loaded: the path alone shows whose restaurant it is. */
	@ParameterizedTest
	@CsvSource({ "PUT, /menu", "POST, /close", "POST, /open" })
	void forbidsOtherKitchensAndConsumersToChangeARestaurant(HttpMethod method, String suffix) {
		var id = RestaurantId.random();

		for (var token : NOT_ADMINS) {
			var result = send(method, path(id, suffix), replacement(VALID_MENU), bearer(token));

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden",
					"Only an admin or the restaurant's kitchen staff may do this.");
		}
		verifyNoInteractions(restaurants);
	}
}
