package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ftgo.consumer.RunningConsumerService;
import dev.ftgo.testsupport.AccessTable;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.Caller;
import dev.ftgo.testsupport.TestTokens;

/**
 * Who may call what, over HTTP with real tokens: the consumer rows of the access table in docs/security.md, each
 * endpoint against each kind of caller, on a consumer registered for the case. A refusal is problem+json and
 * changes nothing.
 */
class ConsumerAccessIT extends RunningConsumerService {

	/** That table for this service; 401 for every token the service must not trust. */
	private static final String TABLE = """
			                ADMIN  OWN_CONSUMER  OTHER_CONSUMER  OTHER_KITCHEN  NO_TOKEN  EXPIRED  OTHER_KEY  OTHER_ISSUER
			REGISTER        201    403           403             403            401       401      401        401
			READ            200    200           403             403            401       401      401        401
			NOTIFICATIONS   200    200           403             403            401       401      401        401
			SUSPEND         200    403           403             403            401       401      401        401
			REACTIVATE      200    403           403             403            401       401      401        401
			VALIDATE_ORDER  200    200           403             403            401       401      401        401
			""";

	private static final String CONSUMERS = "/api/v1/consumers";
	private static final String REGISTRATION = """
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com"}""";

	@Autowired
	JdbcTemplate jdbc;

	enum Endpoint {

		REGISTER((api, id) -> api.post(CONSUMERS, REGISTRATION)),
		READ((api, id) -> api.get(CONSUMERS + "/" + id)),
		NOTIFICATIONS((api, id) -> api.get(CONSUMERS + "/" + id + "/notifications")),
		SUSPEND((api, id) -> api.post(CONSUMERS + "/" + id + "/suspend", null)),
		REACTIVATE((api, id) -> api.post(CONSUMERS + "/" + id + "/reactivate", null)),
		VALIDATE_ORDER((api, id) -> api.post(CONSUMERS + "/" + id + "/order-validations",
				"{\"orderTotal\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}"));

		private final BiFunction<ApiClient, String, ApiClient.Response> call;

		Endpoint(BiFunction<ApiClient, String, ApiClient.Response> call) {
			this.call = call;
		}
	}

	static Stream<Arguments> table() {
		return AccessTable.cases(TABLE, Endpoint.class).stream()
				.map(cell -> Arguments.of(cell.endpoint(), cell.caller(), cell.status()));
	}

	@ParameterizedTest(name = "{0} as {1}: {2}")
	@MethodSource("table")
	void answersEachCallerAsTheRolesTableSays(Endpoint endpoint, Caller caller, int expected) {
		var consumerId = register();
		if (endpoint == Endpoint.REACTIVATE) {
			assertThat(asAdmin().post(CONSUMERS + "/" + consumerId + "/suspend", null).status()).isEqualTo(200);
		}
		var before = snapshot(consumerId);

		var response = endpoint.call.apply(caller.client(withoutToken(), UUID.randomUUID(), consumerId), consumerId);

		assertThat(response.status()).as(response.toString()).isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertProblem(response, expected);
			assertThat(response.json().get("instance").asString()).startsWith(CONSUMERS);
			assertThat(snapshot(consumerId)).as("nothing changed").isEqualTo(before);
		}
		if (expected == 401) {
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	/** Only a caller allowed to ask learns that a consumer does not exist; to the others it is a 403 like any other. */
	@ParameterizedTest
	@EnumSource(value = Endpoint.class, names = "REGISTER", mode = EnumSource.Mode.EXCLUDE)
	void hidesWhetherAConsumerExistsFromCallersNotAllowedToAsk(Endpoint endpoint) {
		var nobody = UUID.randomUUID().toString();

		assertProblem(endpoint.call.apply(asAdmin(), nobody), 404);
		assertProblem(endpoint.call.apply(withoutToken().withToken(TestTokens.kitchen(UUID.randomUUID())), nobody), 403);
		assertProblem(endpoint.call.apply(asConsumer(UUID.randomUUID()), nobody), 403);
		var itself = endpoint.call.apply(asConsumer(nobody), nobody);
		assertProblem(itself, endpoint == Endpoint.SUSPEND || endpoint == Endpoint.REACTIVATE ? 403 : 404);
	}

	@Test
	void refusesAMalformedTokenAndOtherSchemesWith401() {
		for (var authorization : List.of("Bearer not-a-jwt", "Bearer ", "Basic YWRtaW46YWRtaW4=")) {
			var response = withoutToken().withAuthorization(authorization).get(CONSUMERS + "/" + register());

			assertProblem(response, 401);
			assertThat(response.header("WWW-Authenticate")).as(authorization).startsWith("Bearer");
		}
	}

	@Test
	void answersHealthAndTheApiDocumentsWithoutAToken() {
		for (var path : List.of("/actuator/health", "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs/v1")) {
			var response = withoutToken().get(path);

			assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
		}
	}

	private String register() {
		var response = asAdmin().post(CONSUMERS, REGISTRATION);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("consumerId").asString();
	}

	/** What a refused call must leave as it was: how many consumers there are, and this one's row. */
	private List<Object> snapshot(String consumerId) {
		return List.of(jdbc.queryForObject("SELECT count(*) FROM consumer", Long.class),
				jdbc.queryForMap("SELECT status, version FROM consumer WHERE id = ?::uuid", consumerId));
	}
}
