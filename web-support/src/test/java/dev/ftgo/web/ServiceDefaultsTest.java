package dev.ftgo.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * ftgo-service-defaults.yml as the services import it: at the top of their application.yml, in a document of its
 * own, so that their own documents override it.
 */
class ServiceDefaultsTest {

	@Test
	void givesAServiceTheSharedSettingsItDoesNotSetItself() {
		Environment environment = environmentOf("defaults-probe");

		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty("ftgo.discovery.drain-delay")).isEqualTo("12s");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState, db");
	}

	@Test
	void resolvesItsPlaceholdersWithTheServicesOwnSettings() {
		Environment environment = environmentOf("defaults-probe");

		assertThat(environment.getProperty("eureka.instance.instance-id")).isEqualTo("probe:localhost:8089");
	}

	@Test
	void letsTheServicesOwnDocumentsOverrideIt() {
		Environment environment = environmentOf("defaults-probe");

		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health, circuitbreakers");
	}

	private static Environment environmentOf(String configName) {
		try (var context = new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.properties("spring.config.name=" + configName).run()) {
			return context.getEnvironment();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {
	}
}
