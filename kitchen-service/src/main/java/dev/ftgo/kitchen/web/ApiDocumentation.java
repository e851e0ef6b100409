package dev.ftgo.kitchen.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.web.openapi.OpenApiDocumentation;
import dev.ftgo.web.openapi.OpenApiDocumentation.Requirement;

/**
 * What the OpenAPI documents say about callers: every operation needs a bearer JWT, answers 401 without a valid one
 * and 403 when the caller's role, or the id in the path, does not allow it. Each operation's description says who
 * may call it. Titles and the v1 group are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenApiDocumentation openApiDocumentation() {
		return OpenApiDocumentation.problemsAs(Problem.class)
			.bearerToken("A JWT of the FTGO identity server (the dev stack's: POST /tokens or ./stack "
					+ "token), sent as 'Authorization: Bearer <token>'. Its roles claim (admin, consumer, kitchen), sub "
					+ "(a consumer's id) and restaurant_id (kitchen staff) decide what the caller may do.",
					Requirement.DOCUMENT)
			.everyOperationAnswers(401, "No bearer token, or one that is expired, wrongly signed or not meant for FTGO; "
					+ "WWW-Authenticate: Bearer says which.")
			.everyOperationAnswers(403, "The caller's role, or the id in the path, does not allow this operation (see "
					+ "its description).");
	}
}
