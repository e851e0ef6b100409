package dev.ftgo.relay.deadletters.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.web.openapi.OpenApiDocumentation;
import dev.ftgo.web.openapi.OpenApiDocumentation.Requirement;

/**
 * What the relay's OpenAPI document says about callers and errors, declared as the services declare it: every
 * operation needs an admin's bearer token, answers 401 without a valid one, 403 to anyone but an admin and 503 while
 * Kafka does not answer. Each operation's other problems are on its annotation ({@link DeadLetterOperations}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenApiDocumentation openApiDocumentation() {
		return OpenApiDocumentation.problemsAs(Problem.class)
			.bearerToken("""
					A JWT (RS256) from the FTGO identity server, audience "ftgo", whose "roles" claim holds "admin". \
					./stack token --role admin mints one.""", Requirement.EACH_OPERATION)
			.everyOperationAnswers(401, "No bearer token, or one that is expired, not signed by the FTGO identity "
					+ "server or not for the audience ftgo; WWW-Authenticate says which.")
			.everyOperationAnswers(403, "The caller is not an admin.")
			.everyOperationAnswers(503, "Kafka did not answer in time; try again.");
	}
}
