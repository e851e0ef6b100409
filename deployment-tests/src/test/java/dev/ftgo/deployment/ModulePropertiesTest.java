package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The binding rules the compose check relies on, shown with Spring's own binder. */
class ModulePropertiesTest {

	private static final Bindable<Map<String, String>> SERVICE_URLS = Bindable.mapOf(String.class, String.class);

	@Test
	void theRegistryUrlOfAContainerReachesEurekasDefaultZone() {
		Binder inCompose = binder("order-service", Map.of("FTGO_REGISTRYURL", "http://service-registry:8761/eureka/"));
		Binder local = binder("order-service", Map.of());

		assertThat(inCompose.bind("eureka.client.service-url", SERVICE_URLS).get())
				.containsExactly(Map.entry("defaultZone", "http://service-registry:8761/eureka/"));
		assertThat(local.bind("eureka.client.service-url", SERVICE_URLS).get())
				.containsExactly(Map.entry("defaultZone", "http://127.0.0.1:8761/eureka/"));
	}

	@Test
	void aVariableForACamelCaseMapKeyAlsoBindsALowerCaseTwin() {
		Binder binder = binder("order-service", Map.of("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://elsewhere/eureka/"));

		assertThat(binder.bind("eureka.client.service-url", SERVICE_URLS).get()).containsKeys("defaultZone", "defaultzone");
		assertThat(ModuleProperties.load(PROJECT_ROOT, "order-service", List.of())
				.whyUnbound("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE")).isPresent();
	}

	@Test
	void acceptsOnlySpringsCanonicalVariableNames() {
		ModuleProperties properties = ModuleProperties.load(PROJECT_ROOT, "order-service", List.of());

		assertThat(properties.whyUnbound("SPRING_KAFKA_BOOTSTRAPSERVERS")).isEmpty();
		assertThat(properties.whyUnbound("FTGO_REGISTRYURL")).isEmpty();
		assertThat(properties.whyUnbound("SPRING_KAFKA_BOOTSTRAP_SERVERS")).hasValueSatisfying(reason -> assertThat(reason)
				.contains("spring.kafka.bootstrap.servers"));
	}

	@Test
	void keysOfAnInactiveProfileDoNotCount(@TempDir Path root) throws IOException {
		ProjectFiles.writeResource(root, "demo", "application.yml", """
				server:
				  port: 8080
				---
				spring:
				  config:
				    activate:
				      on-profile: kubernetes
				eureka:
				  client:
				    enabled: false
				""");

		assertThat(ModuleProperties.load(root, "demo", List.of()).whyUnbound("EUREKA_CLIENT_ENABLED")).isPresent();
		assertThat(ModuleProperties.load(root, "demo", List.of("kubernetes")).whyUnbound("EUREKA_CLIENT_ENABLED")).isEmpty();
		assertThat(ModuleProperties.load(root, "demo", List.of()).whyUnbound("SERVER_PORT")).isEmpty();
	}

	@Test
	void followsTheImportsOfApplicationYmlWhichItsLaterDocumentsOverride(@TempDir Path root) throws IOException {
		ProjectFiles.writeResource(root, "library", "defaults.yml", """
				server:
				  shutdown: graceful
				  port: 8080
				eureka:
				  client:
				    service-url:
				      defaultZone: ${ftgo.registry-url:http://127.0.0.1:8761/eureka/}
				""");
		ProjectFiles.writeResource(root, "demo", "application.yml", """
				spring:
				  config:
				    import: classpath:defaults.yml
				---
				server:
				  port: 8081
				""");

		ModuleProperties properties = ModuleProperties.load(root, "demo", List.of());

		assertThat(properties.value("server.shutdown")).contains("graceful");
		assertThat(properties.value("server.port")).contains("8081");
		assertThat(properties.whyUnbound("FTGO_REGISTRYURL")).isEmpty();
	}

	@Test
	void refusesAnImportNoModuleHas(@TempDir Path root) throws IOException {
		ProjectFiles.writeResource(root, "demo", "application.yml", """
				spring:
				  config:
				    import: optional:classpath:absent.yml, classpath:missing.yml
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> ModuleProperties.load(root, "demo", List.of()))
				.withMessageContaining("imports classpath:missing.yml");
	}

	/** The module's application.yml and what it imports behind the given environment variables, as in a running application. */
	private static Binder binder(String module, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ModuleProperties.load(PROJECT_ROOT, module, List.of()).byPrecedence().forEach(environment.getPropertySources()::addLast);
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment);
	}
}
