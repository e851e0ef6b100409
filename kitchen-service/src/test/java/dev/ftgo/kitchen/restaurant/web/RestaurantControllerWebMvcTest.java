package dev.ftgo.kitchen.restaurant.web;

import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.kitchen.restaurant.MenuItem;
import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.kitchen.restaurant.Restaurant;
import dev.ftgo.kitchen.restaurant.RestaurantFixtures;
import dev.ftgo.kitchen.restaurant.RestaurantId;
import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.testsupport.TestTokens;

/**
 * The restaurant endpoints alone: validation, error mapping and who may call them, with {@link RestaurantService}
 * mocked. An admin may do everything, so the tests of the rest send an admin's token.
 */
@WebMvcTest(controllers = RestaurantController.class, properties = "eureka.client.enabled=false")
class RestaurantControllerWebMvcTest {

	private static final String ADMIN = bearer(TestTokens.admin());

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private static final String RESTAURANTS = "/api/v1/restaurants";

	private static final String VALID_MENU = """
			[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
			 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3", "currency": "USD"}}]""";

	private static final Menu THE_VALID_MENU = Menu.of(new MenuItem("m1", "Curry", Money.of("12.50", "USD")),
			new MenuItem("m2", "Naan", Money.of("3.00", "USD")));

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	RestaurantService restaurants;

	private MvcTestResult send(HttpMethod method, String path, String json) {
		return mvc.method(method).header(AUTHORIZATION, ADMIN)
				.uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static String creation(String menuJson) {
		return "{\"name\": \"Ajanta\", \"menu\": " + menuJson + "}";
	}

	private static String replacement(String menuJson) {
		return "{\"menu\": " + menuJson + "}";
	}

	private static String path(Object restaurantId, String suffix) {
		return RESTAURANTS + "/" + restaurantId + suffix;
	}

	/** Menus that break a constraint, and the fields each problem names. */
	static Stream<Arguments> invalidMenus() {
		return Stream.of(
				Arguments.of("[]", new String[] { "menu" }),
				Arguments.of("[null]", new String[] { "menu[0]" }),
				Arguments.of("[{}]", new String[] { "menu[0].menuItemId", "menu[0].name", "menu[0].price" }),
				Arguments.of("""
						[{"menuItemId": " ", "name": "%s", "price": {"amount": "12.505", "currency": "usd"}}]"""
						.formatted("x".repeat(MenuItem.MAX_NAME_LENGTH + 1)),
						new String[] { "menu[0].menuItemId", "menu[0].name", "menu[0].price.amount", "menu[0].price.currency" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Water", "price": {"amount": "0.00", "currency": "USD"}}]""",
						new String[] { "menu[0].price" }),
				// the yen has no minor unit: 12.50 JPY could not be shown as integer minor units (orders v2)
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Ramen", "price": {"amount": "12.50", "currency": "JPY"}}]""",
						new String[] { "menu[0].price" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
						 {"menuItemId": "m1", "name": "Naan", "price": {"amount": "3.00", "currency": "USD"}}]""",
						new String[] { "menu[1].menuItemId" }),
				Arguments.of("""
						[{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}},
						 {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3.00", "currency": "EUR"}}]""",
						new String[] { "menu[1].price.currency" }));
	}

	/** Bodies with a value of the wrong JSON type, and the field the problem names. */
	static Stream<Arguments> wronglyTypedMenus() {
		return Stream.of(
				Arguments.of("{\"menu\": \"curry\"}", "menu"),
				Arguments.of("{\"menu\": [\"curry\"]}", "menu[0]"),
				Arguments.of("{\"menu\": [{\"menuItemId\": \"m1\", \"price\": \"12.50 USD\"}]}", "menu[0].price"));
	}

	/** Names a restaurant cannot have: blank, or longer than the domain allows. */
	static Stream<String> invalidNames() {
		return Stream.of("", "   ", "x".repeat(Restaurant.MAX_NAME_LENGTH + 1));
	}

	// --- POST /api/v1/restaurants ---

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

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
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

	// --- GET /api/v1/restaurants/{restaurantId} ---

	@Test
	void readsARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.find(ajanta.id())).willReturn(ajanta);

		var result = mvc.get().header(AUTHORIZATION, ADMIN).uri(path(ajanta.id(), "")).exchange();

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

		assertProblem(mvc.get().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "")).exchange(), HttpStatus.NOT_FOUND, "Restaurant not found",
				"No restaurant with id " + id);
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
		assertProblem(mvc.delete().header(AUTHORIZATION, ADMIN)
				.uri(path(RestaurantId.random(), "")).exchange(), HttpStatus.METHOD_NOT_ALLOWED);
		verifyNoInteractions(restaurants);
	}

	// --- PUT /api/v1/restaurants/{restaurantId}/menu ---

	@Test
	void replacesTheMenu() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.replaceMenu(ajanta.id(), THE_VALID_MENU)).willReturn(ajanta);

		var result = send(HttpMethod.PUT, path(ajanta.id(), "/menu"), replacement(VALID_MENU));

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.restaurantId").asString().isEqualTo(ajanta.id().toString());
		assertThat(result).bodyJson().extractingPath("$.menu[*].menuItemId").asArray().containsExactly("m1", "m2");
	}

	@Test
	void refusesAReplacementWithoutMenu() {
		assertInvalid(send(HttpMethod.PUT, path(RestaurantId.random(), "/menu"), "{}"), "menu");
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("invalidMenus")
	void namesTheInvalidPartsOfAReplacementMenu(String menu, String[] fields) {
		assertInvalid(send(HttpMethod.PUT, path(RestaurantId.random(), "/menu"), replacement(menu)), fields);
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[1, 2]", "\"Ajanta\"", "" })
	void refusesAReplacementThatIsNotAJsonObject(String body) {
		assertMalformed(send(HttpMethod.PUT, path(RestaurantId.random(), "/menu"), body));
		verifyNoInteractions(restaurants);
	}

	@ParameterizedTest
	@MethodSource("wronglyTypedMenus")
	void namesTheWronglyTypedFieldOfAReplacement(String body, String field) {
		var result = send(HttpMethod.PUT, path(RestaurantId.random(), "/menu"), body);

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(field);
		verifyNoInteractions(restaurants);
	}

	@Test
	void refusesAReplacementThatIsNotJson() {
		var result = mvc.put().header(AUTHORIZATION, ADMIN)
				.uri(path(RestaurantId.random(), "/menu")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("menu=curry").exchange();

		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		verifyNoInteractions(restaurants);
	}

	@Test
	void answersReplacingTheMenuOfAnUnknownRestaurantWith404() {
		var id = RestaurantId.random();
		given(restaurants.replaceMenu(any(), any())).willThrow(RestaurantFixtures.notFound(id));

		assertProblem(send(HttpMethod.PUT, path(id, "/menu"), replacement(VALID_MENU)), HttpStatus.NOT_FOUND,
				"Restaurant not found", "No restaurant with id " + id);
	}

	@Test
	void answersAConcurrentMenuReplacementWith409() {
		given(restaurants.replaceMenu(any(), any())).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = send(HttpMethod.PUT, path(RestaurantId.random(), "/menu"), replacement(VALID_MENU));

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- POST /api/v1/restaurants/{restaurantId}/close ---

	@Test
	void closesARestaurant() {
		var ajanta = RestaurantFixtures.closed(RestaurantFixtures.ajanta());
		given(restaurants.close(ajanta.id())).willReturn(ajanta);

		var result = mvc.post().header(AUTHORIZATION, ADMIN).uri(path(ajanta.id(), "/close")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.restaurantId").asString().isEqualTo(ajanta.id().toString());
		assertThat(result).bodyJson().extractingPath("$.open").asBoolean().isFalse();
	}

	@Test
	void answersClosingAnUnknownRestaurantWith404() {
		var id = RestaurantId.random();
		given(restaurants.close(id)).willThrow(RestaurantFixtures.notFound(id));

		assertProblem(mvc.post().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "/close")).exchange(), HttpStatus.NOT_FOUND, "Restaurant not found",
				"No restaurant with id " + id);
	}

	@Test
	void answersClosingAClosedRestaurantWith409() {
		var id = RestaurantId.random();
		given(restaurants.close(id)).willThrow(RestaurantFixtures.illegalTransition("Restaurant " + id + " is already closed"));

		assertProblem(mvc.post().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "/close")).exchange(), HttpStatus.CONFLICT, "Transition not allowed",
				"Restaurant " + id + " is already closed");
	}

	@Test
	void answersAConcurrentClosingWith409() {
		var id = RestaurantId.random();
		given(restaurants.close(id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().header(AUTHORIZATION, ADMIN).uri(path(id, "/close")).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- POST /api/v1/restaurants/{restaurantId}/open ---

	@Test
	void opensARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.open(ajanta.id())).willReturn(ajanta);

		var result = mvc.post().header(AUTHORIZATION, ADMIN).uri(path(ajanta.id(), "/open")).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.restaurantId").asString().isEqualTo(ajanta.id().toString());
		assertThat(result).bodyJson().extractingPath("$.open").asBoolean().isTrue();
	}

	@Test
	void answersOpeningAnUnknownRestaurantWith404() {
		var id = RestaurantId.random();
		given(restaurants.open(id)).willThrow(RestaurantFixtures.notFound(id));

		assertProblem(mvc.post().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "/open")).exchange(), HttpStatus.NOT_FOUND, "Restaurant not found",
				"No restaurant with id " + id);
	}

	@Test
	void answersOpeningAnOpenRestaurantWith409() {
		var id = RestaurantId.random();
		given(restaurants.open(id)).willThrow(RestaurantFixtures.illegalTransition("Restaurant " + id + " is already open"));

		assertProblem(mvc.post().header(AUTHORIZATION, ADMIN)
				.uri(path(id, "/open")).exchange(), HttpStatus.CONFLICT, "Transition not allowed",
				"Restaurant " + id + " is already open");
	}

	@Test
	void answersAConcurrentOpeningWith409() {
		var id = RestaurantId.random();
		given(restaurants.open(id)).willThrow(new OptimisticLockingFailureException("row was updated"));

		var result = mvc.post().header(AUTHORIZATION, ADMIN).uri(path(id, "/open")).exchange();

		assertProblem(result, HttpStatus.CONFLICT);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo("Concurrent update");
	}

	// --- who may ask: what the token and the path show ---

	@ParameterizedTest
	@CsvSource({ "POST, ''", "GET, /%s", "PUT, /%s/menu", "POST, /%s/close", "POST, /%s/open" })
	void answersARequestWithoutTokenWith401(HttpMethod method, String suffix) {
		var result = mvc.method(method).uri(RESTAURANTS + suffix.formatted(RestaurantId.random()))
				.contentType(MediaType.APPLICATION_JSON).content(creation(VALID_MENU)).exchange();

		assertProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
		verifyNoInteractions(restaurants);
	}

	@Test
	void letsOnlyAdminsCreateRestaurants() {
		for (var token : List.of(TestTokens.consumer(UUID.randomUUID()), TestTokens.kitchen(UUID.randomUUID()))) {
			var result = mvc.post().header(AUTHORIZATION, bearer(token)).uri(RESTAURANTS)
					.contentType(MediaType.APPLICATION_JSON).content(creation(VALID_MENU)).exchange();

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden", "This operation needs the role admin.");
		}
		verifyNoInteractions(restaurants);
	}

	@Test
	void letsEveryRoleReadARestaurant() {
		var ajanta = RestaurantFixtures.ajanta();
		given(restaurants.find(ajanta.id())).willReturn(ajanta);

		for (var token : List.of(TestTokens.consumer(UUID.randomUUID()), TestTokens.kitchen(UUID.randomUUID()))) {
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

		var result = mvc.method(method).header(AUTHORIZATION, bearer(TestTokens.kitchen(ajanta.id().value())))
				.uri(path(ajanta.id(), suffix)).contentType(MediaType.APPLICATION_JSON).content(replacement(VALID_MENU))
				.exchange();

		assertThat(result).hasStatusOk();
	}

	/** Forbidden before anything is loaded: the path alone shows whose restaurant it is. */
	@ParameterizedTest
	@CsvSource({ "PUT, /menu", "POST, /close", "POST, /open" })
	void forbidsOtherKitchensAndConsumersToChangeARestaurant(HttpMethod method, String suffix) {
		var id = RestaurantId.random();

		for (var token : List.of(TestTokens.kitchen(UUID.randomUUID()), TestTokens.consumer(UUID.randomUUID()))) {
			var result = mvc.method(method).header(AUTHORIZATION, bearer(token)).uri(path(id, suffix))
					.contentType(MediaType.APPLICATION_JSON).content(replacement(VALID_MENU)).exchange();

			assertProblem(result, HttpStatus.FORBIDDEN, "Forbidden",
					"Only an admin or the restaurant's kitchen staff may do this.");
		}
		verifyNoInteractions(restaurants);
	}
}
