package dev.ftgo.web.openapi;

import static dev.ftgo.web.openapi.OpenApiDocumentation.BEARER_SCHEME;

import java.util.List;
import java.util.TreeMap;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Applies a service's {@link OpenApiDocumentation}. Global, so that springdoc applies it to each group as well as to
 * the default document. The problem responses are added while springdoc builds the operations, with the problem
 * schema resolved as springdoc resolves an {@code @Schema(implementation = ...)}: into the document's components,
 * before springdoc finishes their schema types for the OpenAPI version it writes.
 */
final class OpenApiDocumentationCustomizer implements GlobalOpenApiCustomizer, GlobalOperationComponentsCustomizer {

	private final OpenApiDocumentation documentation;
	private final SpecVersion specVersion;

	OpenApiDocumentationCustomizer(OpenApiDocumentation documentation, SpecVersion specVersion) {
		this.documentation = documentation;
		this.specVersion = specVersion;
	}

	@Override
	public void customise(OpenAPI openApi) {
		var token = documentation.bearerTokenOrNull();
		if (token == null) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer").bearerFormat("JWT").description(token.description()));
		if (token.requirement() == OpenApiDocumentation.Requirement.DOCUMENT) {
			openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER_SCHEME)));
		}
	}

	@Override
	public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
		var problems = new TreeMap<>(documentation.everyOperation());
		AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(), ProblemResponse.class)
			.forEach(problem -> problems.put(problem.status(), problem.description()));
		if (!problems.isEmpty()) {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			problems.forEach((status, description) -> operation.getResponses()
				.addApiResponse(Integer.toString(status), problem(description, components)));
		}
		var token = documentation.bearerTokenOrNull();
		if (token != null && token.requirement() == OpenApiDocumentation.Requirement.EACH_OPERATION) {
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
		}
		return operation;
	}

	/** Without the components, as springdoc's own operation customizers do: the schema is then only referenced. */
	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		return customize(operation, null, handlerMethod);
	}

	private ApiResponse problem(String description, Components components) {
		var schema = SpringDocAnnotationsUtils.extractSchema(components, documentation.problemSchema(), null, null,
				specVersion);
		return new ApiResponse().description(description).content(new Content().addMediaType(
				MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType().schema(schema)));
	}
}
