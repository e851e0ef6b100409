package dev.ftgo.order.web;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.web.openapi.OpenApiDocumentation;
import dev.ftgo.web.openapi.OpenApiDocumentation.Requirement;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * One OpenAPI document per API version, {@code /v3/api-docs/v1} and {@code /v3/api-docs/v2}, each with only its own
 * paths (committed under {@code docs/openapi/}), and {@code /v3/api-docs} with every version for the gateway's
 * Swagger UI. Declared here rather than with springdoc's {@code open-api.info} properties, whose bean
 * post-processor makes Spring log a warning for several beans at every start. The bearer token and the 401 every
 * operation answers are declared once for all of them; each operation's other problems are on its annotation
 * ({@code OrderOperations}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String ERRORS = " Unknown request fields are ignored. Errors are RFC 9457 "
			+ "application/problem+json; invalid fields are named in \"errors\".";

	private static final String WHO = " Every operation needs a bearer JWT of the FTGO issuer (audience ftgo): 401 "
			+ "without a valid one. Consumers place, read, list and cancel their own orders; admins read and list "
			+ "every order; kitchen staff have no access here. 403 when the request alone shows the caller may not, "
			+ "404 for another consumer's order as for a missing one.";

	@Bean
	OpenApiDocumentation openApiDocumentation() {
		return OpenApiDocumentation.problemsAs(Problem.class)
			.bearerToken("A JWT of the FTGO issuer with audience ftgo; its roles claim (admin, consumer, "
					+ "kitchen) and its subject (a consumer's id) decide what the caller may do.", Requirement.DOCUMENT)
			.everyOperationAnswers(401, "No bearer token, or one that is expired, not signed by the FTGO issuer or not "
					+ "meant for FTGO (WWW-Authenticate: Bearer says which).");
	}

	@Bean
	OpenAPI everyVersion() {
		return new OpenAPI().info(new Info().title("FTGO order-service API").version("1.x, 2.x").description("""
				Every version of the order API: the same orders in two representations, v1 (/api/v1/orders) with \
				money as a decimal string and v2 (/api/v2/orders) with money in integer minor units. Errors are \
				application/problem+json.""" + WHO));
	}

	@Bean
	GroupedOpenApi v1() {
		return version("v1", "1.x", """
				Place, read, list and cancel orders. Money is {"amount": "12.50", "currency": "USD"}: a decimal string \
				with two decimals.""");
	}

	@Bean
	GroupedOpenApi v2() {
		return version("v2", "2.x", """
				The orders of v1 in a new representation: "status" for "state", "items" for "lineItems", and money \
				as {"amountMinor": 1250, "currency": "USD"}, an integer count of the currency's minor unit (cents for \
				USD, yen for JPY). Behaviour, validation and errors are those of v1; a consumer's Idempotency-Key \
				names one of its orders in both versions (keys are per consumer).""");
	}

	private static GroupedOpenApi version(String name, String version, String description) {
		var info = new Info().title("FTGO order-service API " + name).version(version)
			.description(description + ERRORS + WHO);
		return GroupedOpenApi.builder()
			.group(name)
			.displayName("order-service " + name)
			.pathsToMatch("/api/" + name + "/**")
			.addOpenApiCustomizer(openApi -> openApi.info(info))
			.build();
	}
}
