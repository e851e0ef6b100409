package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checks of {@link ComposeChecks} on published ports: only the entry points, tools only on loopback. */
class ComposePortChecksTest {

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
				    build: {dockerfile: docker/identity.Dockerfile}
				    ports: ["127.0.0.1:8090:8090", "8091:8090"]
				""");

		assertThat(ComposeChecks.unexpectedPublishedPorts(compose))
				.containsExactly("identity publishes 8091:8090 on every interface; it may publish on 127.0.0.1 only");
	}
}
