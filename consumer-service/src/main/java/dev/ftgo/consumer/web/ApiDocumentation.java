package dev.ftgo.consumer.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.web.openapi.OpenApiDocumentation;
import dev.ftgo.web.openapi.OpenApiDocumentation.Requirement;

/**
 * What the OpenAPI documents say about callers and errors: every operation needs the FTGO bearer token and answers
 * 401 without a valid one; each operation's other problems, and who may call it, are on its annotation
 * ({@code ConsumerOperations}). The titles, versions and groups are in application.yml ({@code springdoc.*}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenApiDocumentation openApiDocumentation() {
		return OpenApiDocumentation.problemsAs(Problem.class)
			.bearerToken("""
					A JWT (RS256) from the FTGO identity server, audience "ftgo". Its "roles" claim says what the caller \
					may do: "admin" everything, "consumer" (whose "sub" is its consumerId) its own data only. The dev \
					stack prints tokens; ./stack token --role consumer --consumer-id <uuid> mints one.""",
					Requirement.EACH_OPERATION)
			.everyOperationAnswers(401, "No bearer token, or one that is expired, not signed by the FTGO identity "
					+ "server or not for the audience ftgo; WWW-Authenticate says which.");
	}
}
