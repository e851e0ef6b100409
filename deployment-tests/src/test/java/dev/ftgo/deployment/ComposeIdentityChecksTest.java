package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static dev.ftgo.deployment.ComposeSnippets.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link ComposeChecks} on tokens: one identity signs them, every resource server verifies them with it.
 */
class ComposeIdentityChecksTest {

	@Test
	void reportsEnvironmentVariablesOnTheIdentity() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  identity:
				    build:
				      context: .
				      dockerfile: docker/identity.Dockerfile
				    environment:
				      JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=50
				      SERVER_PORT: "9090"
				""");

		assertThat(ComposeChecks.unboundEnvironment(compose, PROJECT_ROOT)).containsExactly("identity: SERVER_PORT sets nothing;"
				+ " the identity takes its settings as command-line options (docker/identity.Dockerfile)");
	}

	@Test
	void reportsEveryServiceThatCouldIssueTokens() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  identity:
				    build: {dockerfile: docker/identity.Dockerfile}
				  consumer-service:
				    build: {args: {MODULE: consumer-service}}
				  order-service:
				    build: {args: {MODULE: test-support}}
				  kitchen-service:
				    image: eclipse-temurin:17-jre
				    command: [java, -jar, /app/dev-stack-cli.jar, identity]
				  api-gateway:
				    image: ftgo/identity:0.1.0
				  postgres:
				    image: postgres:17
				""");

		assertThat(ComposeChecks.tokenIssuers(compose, PROJECT_ROOT)).containsExactly(
				entry("identity", "is built from docker/identity.Dockerfile"),
				entry("order-service", "is built from test-support, which has dev.ftgo:dev-stack on its runtime classpath"),
				entry("kitchen-service", "runs the dev-stack launcher ([java, -jar, /app/dev-stack-cli.jar, identity])"),
				entry("api-gateway", "runs the image ftgo/identity:0.1.0"));
	}

	@Test
	void reportsAResourceServerThatDoesNotVerifyWithTheIdentity() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  identity:
				    build: {dockerfile: docker/identity.Dockerfile}
				""" + HEALTHY + """
				  api-gateway:
				    build: {args: {MODULE: api-gateway}}
				  second-gateway:
				    build: {args: {MODULE: api-gateway}}
				    environment:
				      FTGO_JWKSETURI: http://identity:9999/.well-known/jwks.json
				      FTGO_JWTISSUER: https://another-issuer.example
				    depends_on:
				      identity:
				        condition: service_healthy
				  cdc-relay:
				    build: {args: {MODULE: cdc-relay}}
				""");

		assertThat(ComposeChecks.resourceServersNotVerifyingWith(compose, PROJECT_ROOT, "identity", 8090)).containsExactly(
				"api-gateway verifies tokens, but FTGO_JWKSETURI is not set, not http://identity:8090/.well-known/jwks.json",
				"api-gateway verifies tokens, but FTGO_JWTISSUER is not set, not ftgo-dev-stack",
				"api-gateway verifies tokens, but does not wait until identity is healthy",
				"second-gateway verifies tokens, but FTGO_JWKSETURI is http://identity:9999/.well-known/jwks.json, not"
						+ " http://identity:8090/.well-known/jwks.json",
				"second-gateway verifies tokens, but FTGO_JWTISSUER is https://another-issuer.example, not ftgo-dev-stack",
				"cdc-relay verifies tokens, but FTGO_JWKSETURI is not set, not http://identity:8090/.well-known/jwks.json",
				"cdc-relay verifies tokens, but FTGO_JWTISSUER is not set, not ftgo-dev-stack",
				"cdc-relay verifies tokens, but does not wait until identity is healthy");
	}

	/** A key may sign for several issuers: an application that checks the signature only accepts them all. */
	@Test
	void reportsAResourceServerThatDoesNotCheckTheIssuer(@TempDir Path root) throws IOException {
		ProjectFiles.writeResource(root, "demo", "application.yml", """
				spring.security.oauth2.resourceserver.jwt:
				  jwk-set-uri: ${ftgo.jwk-set-uri:http://127.0.0.1:8090/.well-known/jwks.json}
				  audiences: ftgo
				""");
		ComposeFile compose = ComposeFile.parse("""
				services:
				  demo:
				    build: {args: {MODULE: demo}}
				    environment:
				      FTGO_JWKSETURI: http://identity:8090/.well-known/jwks.json
				      FTGO_JWTISSUER: ftgo-dev-stack
				    depends_on:
				      identity:
				        condition: service_healthy
				""");

		assertThat(ComposeChecks.resourceServersNotVerifyingWith(compose, root, "identity", 8090)).containsExactly(
				"demo verifies tokens, but demo's application.yml does not check their issuer"
						+ " (spring.security.oauth2.resourceserver.jwt.issuer-uri)");
	}
}
