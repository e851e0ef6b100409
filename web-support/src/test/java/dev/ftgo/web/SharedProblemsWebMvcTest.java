package dev.ftgo.web;

import static dev.ftgo.testsupport.ProblemResponses.assertDatabaseUnavailable;
import static dev.ftgo.testsupport.ProblemResponses.assertInvalid;
import static dev.ftgo.testsupport.ProblemResponses.assertMalformed;
import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.ftgo.web.testapp.TestApplication;

/** The slice imports the auto-configuration, as every service's controller tests rely on. */
@WebMvcTest
@ContextConfiguration(classes = TestApplication.class)
class SharedProblemsWebMvcTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void namesEveryInvalidFieldOfTheBodyByItsJsonPath() {
		var result = mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \" \", \"items\": [{\"name\": \"x\", \"quantity\": 1}, {\"name\": \"\", \"quantity\": 0}]}")
			.exchange();

		assertInvalid(result, "items[1].name", "items[1].quantity", "note");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isEqualTo("The request has 3 invalid field(s).");
	}

	@Test
	void namesAQueryParameterThatBreaksItsConstraint() {
		assertInvalid(mvc.get().uri("/orders?limit=0").exchange(), "limit");
	}

	@Test
	void namesAQueryParameterOfTheWrongTypeWithoutEchoingIt() {
		var result = mvc.get().uri("/orders?limit=all").exchange();

		assertInvalid(result, "limit");
		assertThat(result).bodyText().doesNotContain("all");
	}

	@Test
	void namesTheFieldOfAValueOfTheWrongShape() {
		var result = mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\": \"n\", \"items\": [{\"name\": \"x\", \"quantity\": \"many\"}]}")
			.exchange();

		assertMalformed(result);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo("items[0].quantity");
	}

	@Test
	void answersABodyThatIsNotJsonAsMalformed() {
		assertMalformed(mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content("{").exchange());
	}

	@Test
	void leavesADomainExceptionToTheServicesAdvice() {
		assertProblem(mvc.get().uri("/refused").exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "Probe refused",
				"No orders on Sundays.");
	}

	@Test
	void answersALostRaceWithConflict() {
		assertProblem(mvc.get().uri("/race").exchange(), HttpStatus.CONFLICT, "Concurrent update",
				"The resource was changed by another request at the same time; read it again and retry.");
	}

	@Test
	void answersAnUnreachableDatabaseWithRetryableUnavailable() {
		assertDatabaseUnavailable(mvc.get().uri("/database-down").exchange());
	}

	@Test
	void recognisesAnUnreachableDatabaseBehindACommitFailure() {
		assertDatabaseUnavailable(mvc.get().uri("/commit-on-lost-connection").exchange());
	}

	@Test
	void recognisesAnUnreachableDatabaseBehindARollbackOnAConnectionThePoolClosed() {
		assertDatabaseUnavailable(mvc.get().uri("/rollback-on-closed-connection").exchange());
	}

	@Test
	void answersTextTheDatabaseCannotStoreAsTheCallersMistake() {
		assertProblem(mvc.get().uri("/nul-text").exchange(), HttpStatus.BAD_REQUEST, "Invalid request",
				"Text values must not contain NUL (\\u0000) characters.");
	}

	@Test
	void answersAnythingElseWithAnInternalErrorThatTellsNothing() {
		var result = mvc.get().uri("/bug").exchange();

		assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The service failed to process the request.");
		assertThat(result).bodyText().doesNotContain("secret");
	}
}
