package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of {@link ComposeChecks} fails on a compose file that breaks its rule. */
class ComposeChecksTest {

	private static final String HEALTHY = """
			    healthcheck:
			      test: [CMD, /usr/local/bin/healthcheck, /actuator/health/readiness]
			""";

	@Test
	void schemaRejectsWhatComposeWouldReject() {
		ComposeFile misspelt = ComposeFile.parse("""
				services:
				  kafka:
				    image: apache/kafka:4.1.2
				    healthcheck:
				      test: [CMD, "true"]
				      intervall: 10s
				    depends_on:
				      postgres:
				        condition: ready
				""");

		assertThat(ComposeSchema.load().violations(misspelt)).hasSizeGreaterThanOrEqualTo(2)
				.anyMatch(violation -> violation.contains("intervall")).anyMatch(violation -> violation.contains("depends_on/postgres/condition"));
	}

	@Test
	void reportsAServiceWithoutOrWithADisabledHealthCheck() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  postgres:
				    image: postgres:17
				  kafka:
				    image: apache/kafka:4.1.2
				    healthcheck:
				      disable: true
				""");

		assertThat(ComposeChecks.withoutHealthCheck(compose)).containsExactly("postgres has no health check",
				"kafka has no health check");
	}

	@Test
	void reportsDependenciesThatDoNotWaitForHealth() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  postgres:
				    image: postgres:17
				  kafka:
				    image: apache/kafka:4.1.2
				""" + HEALTHY + """
				  order-service:
				    image: ftgo/order-service
				    depends_on: [kafka]
				  kitchen-service:
				    image: ftgo/kitchen-service
				    depends_on:
				      postgres:
				        condition: service_healthy
				      kafka:
				        condition: service_started
				      registry:
				        condition: service_healthy
				""");

		assertThat(ComposeChecks.dependenciesNotAwaitingHealth(compose)).containsExactly(
				"order-service -> kafka: starts before kafka is ready (use condition: service_healthy)",
				"kitchen-service -> postgres: waits for health, but postgres has no health check",
				"kitchen-service -> kafka: starts before kafka is ready (use condition: service_healthy)",
				"kitchen-service -> registry: no such service");
	}

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
				    build:
				      args:
				        MODULE: cdc-relay
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
	void reportsPortsPublishedByOtherServices() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  api-gateway:
				    ports: ["8080:8080"]
				  postgres:
				    ports: ["5432:5432"]
				""");

		assertThat(ComposeChecks.unexpectedPublishedPorts(compose)).singleElement().asString()
				.startsWith("postgres publishes [5432:5432] on the host");
	}

	@Test
	void letsOnlyAToolUnderAProfilePublishOnLoopback() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  grafana:
				    image: grafana/grafana:12.1.0
				    profiles: [observability]
				    ports: ["127.0.0.1:3000:3000"]
				  prometheus:
				    image: prom/prometheus:v3.5.0
				    profiles: [observability]
				    ports:
				      - target: 9090
				        published: "9090"
				  order-service:
				    build: .
				    profiles: [observability]
				    ports: ["127.0.0.1:8082:8082"]
				  kafka:
				    image: apache/kafka:4.1.2
				    ports: ["127.0.0.1:9092:9092"]
				""");

		assertThat(ComposeChecks.unexpectedPublishedPorts(compose)).satisfiesExactly(
				prometheus -> assertThat(prometheus).startsWith("prometheus publishes {target=9090, published=9090} on every interface"),
				app -> assertThat(app).startsWith("order-service publishes [127.0.0.1:8082:8082] on the host; only"),
				infrastructure -> assertThat(infrastructure).startsWith("kafka publishes [127.0.0.1:9092:9092] on the host; only"));
	}

	@Test
	void letsTheIdentityPublishOnLoopbackOnly() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  identity:
				    build:
				      dockerfile: docker/identity.Dockerfile
				    ports: ["127.0.0.1:8090:8090", "8091:8090"]
				""");

		assertThat(ComposeChecks.unexpectedPublishedPorts(compose))
				.containsExactly("identity publishes 8091:8090 on every interface; it may publish on 127.0.0.1 only");
	}

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
				    build:
				      dockerfile: docker/identity.Dockerfile
				  consumer-service:
				    build:
				      args:
				        MODULE: consumer-service
				  order-service:
				    build:
				      args:
				        MODULE: test-support
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
				    build:
				      dockerfile: docker/identity.Dockerfile
				""" + HEALTHY + """
				  api-gateway:
				    build:
				      args:
				        MODULE: api-gateway
				  second-gateway:
				    build:
				      args:
				        MODULE: api-gateway
				    environment:
				      FTGO_JWKSETURI: http://identity:9999/.well-known/jwks.json
				      FTGO_JWTISSUER: https://another-issuer.example
				    depends_on:
				      identity:
				        condition: service_healthy
				  cdc-relay:
				    build:
				      args:
				        MODULE: cdc-relay
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
		Path resources = Files.createDirectories(root.resolve("demo/src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
				spring.security.oauth2.resourceserver.jwt:
				  jwk-set-uri: ${ftgo.jwk-set-uri:http://127.0.0.1:8090/.well-known/jwks.json}
				  audiences: ftgo
				""");
		ComposeFile compose = ComposeFile.parse("""
				services:
				  demo:
				    build:
				      args:
				        MODULE: demo
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

	@Test
	void reportsADefaultServiceThatNeedsAServiceUnderAProfile() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  prometheus:
				    image: prom/prometheus:v3.5.0
				    profiles: [observability]
				  grafana:
				    image: grafana/grafana:12.1.0
				    profiles: [observability]
				    depends_on: [prometheus]
				  api-gateway:
				    build: .
				    depends_on: [prometheus, grafana]
				""");

		assertThat(ComposeChecks.defaultServicesNeedingAProfile(compose)).containsExactly(
				"api-gateway depends on prometheus, which only the profiles [observability] start",
				"api-gateway depends on grafana, which only the profiles [observability] start");
	}

	@Test
	void reportsContainersWithoutMemoryLimitOrRestartPolicy() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  kafka:
				    restart: "no"
				    deploy:
				      resources:
				        limits:
				          memory: 1G
				  postgres:
				    mem_limit: 512m
				    restart: unless-stopped
				  order-service:
				    restart: on-failure
				""");

		assertThat(ComposeChecks.unboundedOrNotRestarted(compose)).containsExactly("kafka is not restarted when it fails",
				"order-service has no memory limit");
	}

	@Test
	void reportsAnImageThatWouldListenElsewhere() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    build:
				      args:
				        MODULE: order-service
				        PORT: "8080"
				  service-registry:
				    build:
				      args:
				        MODULE: service-registry
				        PORT: "8761"
				""" + HEALTHY);

		assertThat(ComposeChecks.imagesDisagreeingWithTheirApplication(compose, PROJECT_ROOT)).containsExactly(
				"order-service builds with PORT 8080, but order-service has server.port 8082");
	}

	@Test
	void reportsAReadinessCheckOfAnApplicationWithoutProbes(@TempDir Path root) throws IOException {
		Path resources = Files.createDirectories(root.resolve("demo/src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
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
				    build:
				      args:
				        MODULE: demo
				        PORT: "8090"
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
