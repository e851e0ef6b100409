package dev.ftgo.order.order.web;

import static dev.ftgo.testsupport.ApiDocuments.assertRefusalsDocumented;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.WithStubbedServices;
import dev.ftgo.testsupport.OpenApiSnapshot;

/**
 * The documents the order API publishes of itself: one OpenAPI document per version and one with all, each the
 * committed one in docs/openapi. What the API does is shown by the {@code OrderApi*IT}s, one behaviour each.
 */
class OrderApiIT extends WithStubbedServices {

	@Test
	void publishesOneOpenApiDocumentPerVersionAndOneWithAll() {
		var v1 = api().get("/v3/api-docs/v1").json();
		var v2 = api().get("/v3/api-docs/v2").json();
		var all = api().get("/v3/api-docs");

		assertThat(v1.get("openapi").asString()).startsWith("3.");
		assertThat(v1.at("/info/version").asString()).isEqualTo("1.x");
		assertThat(v1.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v1/"))
			.contains("/api/v1/orders", "/api/v1/orders/{orderId}", "/api/v1/orders/{orderId}/cancel");
		assertThat(v2.at("/info/version").asString()).isEqualTo("2.x");
		assertThat(v2.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v2/"))
			.contains("/api/v2/orders", "/api/v2/orders/{orderId}", "/api/v2/orders/{orderId}/cancel");
		// the gateway's Swagger UI shows this one: every version
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().at("/info/title").asString()).isEqualTo("FTGO order-service API");
		assertThat(all.json().get("paths").propertyNames()).containsAll(v1.get("paths").propertyNames())
			.containsAll(v2.get("paths").propertyNames());
	}

	@Test
	void documentsErrorsAsProblemJson() {
		var v2 = api().get("/v3/api-docs/v2").json();

		var place = v2.at("/paths/~1api~1v2~1orders/post/responses");
		assertThat(place.propertyNames()).contains("201", "400", "422");
		assertThat(place.at("/422/content").has("application/problem+json")).isTrue();
		assertThat(place.at("/201/headers").propertyNames()).contains("Location", "Idempotent-Replayed");
		assertThat(v2.at("/paths/~1api~1v2~1orders~1{orderId}~1cancel/post/responses").propertyNames())
			.contains("202", "404", "409");
	}

	@Test
	void documentsTheBearerTokenAndWhoMayCallEachOperation() {
		for (var version : new String[] { "v1", "v2" }) {
			var document = api().get("/v3/api-docs/" + version).json();

			assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");
			assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
			assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asString()).isEqualTo("JWT");
			assertThat(document.get("security").valueStream().map(requirement -> requirement.has("bearerAuth")))
				.containsExactly(true);
			document.get("paths").forEach(path -> path.forEach(operation -> {
				var name = version + " " + operation.get("operationId").asString();
				assertThat(operation.get("description").asString()).as(name).isNotBlank();
				assertRefusalsDocumented(operation, name);
			}));
		}
	}

	@Test
	void v1DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v1"),
				Path.of("../docs/openapi/order-service-v1.json"));
	}

	@Test
	void v2DocumentIsTheCommittedOne() {
		OpenApiSnapshot.assertMatches(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/v2"),
				Path.of("../docs/openapi/order-service-v2.json"));
	}
}
