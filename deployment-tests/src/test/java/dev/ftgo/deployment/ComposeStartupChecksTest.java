package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeSnippets.HEALTHY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The checks of {@link ComposeChecks} on how the services start: valid, health-checked, in order, bounded and restarted.
 */
class ComposeStartupChecksTest {

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
				    healthcheck: {disable: true}
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
}
