package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link ComposeScaling} on the project's docker-compose.yml and on files that break its rules. */
class ComposeScalingTest {

	@Test
	void runsSeveralInstancesOfEveryBusinessServiceAndOfTheRelay() {
		ComposeFile compose = ComposeFile.load(PROJECT_ROOT.resolve("docker-compose.yml"));

		assertThat(ComposeScaling.missing(compose, ComposeScaling.SCALABLE)).isEmpty();
		assertThat(ComposeScaling.notScalable(compose, ComposeScaling.SCALABLE)).isEmpty();
	}

	@Test
	void reportsWhatKeepsASecondInstanceFromStartingOrFromBeingSeen() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    container_name: ftgo-orders
				    hostname: orders
				    ports: ["127.0.0.1:8082:8082"]
				    volumes: [order-data:/data]
				    environment:
				      FTGO_REGISTRYURL: http://service-registry:8761/eureka/
				      EUREKA_INSTANCE_HOSTNAME: order-service
				  kitchen-service:
				    environment:
				      FTGO_REGISTRYURL: http://service-registry:8761/eureka/
				  consumer-service:
				    environment:
				      FTGO_REGISTRYURL: http://service-registry:8761/eureka/
				      EUREKA_INSTANCE_HOSTNAME: $${spring.cloud.client.ip-address}
				  cdc-relay:
				    image: ftgo/cdc-relay:0.1.0
				  postgres:
				    container_name: ftgo-postgres
				""");

		assertThat(ComposeScaling.notScalable(compose, ComposeScaling.SCALABLE)).containsExactly(
				"order-service has the fixed container name ftgo-orders",
				"order-service publishes [127.0.0.1:8082:8082]: a second instance could not bind the same host port",
				"order-service mounts [order-data:/data]: its instances would share it",
				"order-service has the fixed host name orders",
				"order-service registers with Eureka as order-service, the same for every instance; set EUREKA_INSTANCE_HOSTNAME"
						+ " to $${spring.cloud.client.ip-address}",
				"kitchen-service registers with Eureka as localhost (the application's default), the same for every instance;"
						+ " set EUREKA_INSTANCE_HOSTNAME to $${spring.cloud.client.ip-address}");
		assertThat(ComposeScaling.missing(compose, Set.of("order-service", "delivery-service")))
				.containsExactly("delivery-service is no service of the compose file");
	}
}
