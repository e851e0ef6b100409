package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static dev.ftgo.deployment.ComposeSnippets.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@link ComposeChecks} that an image and its settings agree with the application built into it. */
class ComposeApplicationChecksTest {

	@Test
	void reportsEnvironmentVariablesTheApplicationDoesNotBind() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    build:
				      context: .
				      args:
				        MODULE: order-service
				    environment:
				      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/order_service
				      FTGO_REGISTRYURL: http://service-registry:8761/eureka/
				      JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=50
				      SPRING_DATASOURCE_JDBCURL: jdbc:postgresql://postgres:5432/order_service
				      EUREKA_CLIENT_SERVICEURL_DEFAULTZONE: http://service-registry:8761/eureka/
				  cdc-relay:
				    build: {args: {MODULE: cdc-relay}}
				    environment:
				      - FTGO_RELAY_POSTGRES_HOST=postgres
				      - FTGO_RELAY_SOURCES_0_DATABASE=orders
				  kitchen-service:
				    build: .
				""");

		assertThat(ComposeChecks.unboundEnvironment(compose, PROJECT_ROOT)).satisfiesExactly(
				dead -> assertThat(dead).startsWith("order-service: SPRING_DATASOURCE_JDBCURL -> spring.datasource.jdbcurl,")
						.endsWith("neither declares nor reads"),
				twin -> assertThat(twin).startsWith("order-service: EUREKA_CLIENT_SERVICEURL_DEFAULTZONE names the map key"
						+ " 'defaultZone'"),
				list -> assertThat(list).startsWith("cdc-relay: FTGO_RELAY_SOURCES_0_DATABASE sets one element of the list"
						+ " ftgo.relay.sources"),
				unknown -> assertThat(unknown).isEqualTo("kitchen-service is built without a MODULE build argument"));
	}

	@Test
	void reportsAnImageThatWouldListenElsewhere() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    build: {args: {MODULE: order-service, PORT: "8080"}}
				  service-registry:
				    build: {args: {MODULE: service-registry, PORT: "8761"}}
				""" + HEALTHY);

		assertThat(ComposeChecks.imagesDisagreeingWithTheirApplication(compose, PROJECT_ROOT)).containsExactly(
				"order-service builds with PORT 8080, but order-service has server.port 8082");
	}

	@Test
	void reportsAReadinessCheckOfAnApplicationWithoutProbes(@TempDir Path root) throws IOException {
		ProjectFiles.writeResource(root, "demo", "application.yml", """
				server:
				  port: 8090
				management:
				  endpoint:
				    health:
				      probes:
				        enabled: false
				""");
		ComposeFile compose = ComposeFile.parse("""
				services:
				  demo:
				    build: {args: {MODULE: demo, PORT: "8090"}}
				""" + HEALTHY);

		assertThat(ComposeChecks.imagesDisagreeingWithTheirApplication(compose, root)).containsExactly(
				"demo checks /actuator/health/readiness, which demo does not serve (management.endpoint.health.probes.enabled)");
	}

	@Test
	void reportsAnImageNamingARegistryHost() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  postgres:
				    image: registry.example:5000/postgres:17
				  kafka:
				    image: apache/kafka:4.1.2
				""");

		assertThat(ComposeChecks.imagesNamingARegistryHost(compose)).containsExactly(
				"postgres names a registry host in its image registry.example:5000/postgres:17");
	}
}
