package dev.ftgo.kitchen.web;

import java.util.List;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What the OpenAPI documents say about callers: every operation needs a bearer JWT (the scheme {@value #BEARER}),
 * answers 401 without a valid one and 403 when the caller's role, or the id in the path, does not allow it. Each
 * operation's description says who may call it. Titles and the v1 group are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearerAuth";
	private static final String PROBLEM_SCHEMA = "Problem";
	private static final String PROBLEM_JSON = "application/problem+json";

	/** For the default document (/v3/api-docs) and every group alike. */
	@Bean
	GlobalOpenApiCustomizer callersAreDocumented() {
		return ApiDocumentation::document;
	}

	static void document(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer").bearerFormat("JWT")
				.description("A JWT of the FTGO identity server (the dev stack's: POST /tokens or ./stack token), sent "
						+ "as 'Authorization: Bearer <token>'. Its roles claim (admin, consumer, kitchen), sub (a "
						+ "consumer's id) and restaurant_id (kitchen staff) decide what the caller may do."));
		api.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation.getResponses()
				.addApiResponse("401", problem("No bearer token, or one that is expired, wrongly signed or not meant "
						+ "for FTGO; WWW-Authenticate: Bearer says which."))
				.addApiResponse("403", problem("The caller's role, or the id in the path, does not allow this "
						+ "operation (see its description)."))));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem, sent as application/problem+json.")
				.addProperty("type", new StringSchema().example("about:blank"))
				.addProperty("title", new StringSchema().example("Forbidden"))
				.addProperty("status", new IntegerSchema().example(403))
				.addProperty("detail", new StringSchema().example("This operation needs the role admin."))
				.addProperty("instance", new StringSchema().description("The request path."));
	}
}
