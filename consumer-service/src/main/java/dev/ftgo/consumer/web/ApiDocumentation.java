package dev.ftgo.consumer.web;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The FTGO bearer token in the OpenAPI documents: the scheme is declared here, and every controller requires it
 * with {@code @SecurityRequirement(name = ApiDocumentation.BEARER_TOKEN)}. The titles, versions and groups are in
 * application.yml ({@code springdoc.*}); the operations' own answers are on the controllers.
 *
 * <p>Not an {@code @OpenAPIDefinition(security = ...)}: with one, springdoc builds the documents without a default
 * {@code info}, and the yml info of the v1 group then overwrites the shared one of {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiDocumentation.BEARER_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT", description = """
				A JWT (RS256) from the FTGO identity server, audience "ftgo". Its "roles" claim says what the caller \
				may do: "admin" everything, "consumer" (whose "sub" is its consumerId) its own data only. The dev \
				stack prints tokens; ./stack token --role consumer --consumer-id <uuid> mints one.""")
public class ApiDocumentation {

	public static final String BEARER_TOKEN = "bearerToken";
}
