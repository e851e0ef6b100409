package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/** The binding rules the compose check relies on, shown with Spring's own binder. */
class ModulePropertiesTest {

	private static final Bindable<Map<String, String>> SERVICE_URLS = Bindable.mapOf(String.class, String.class);

	@Test
	void theRegistryUrlOfAContainerReachesEurekasDefaultZone() throws IOException {
		Binder inCompose = binder("order-service", Map.of("FTGO_REGISTRYURL", "http://service-registry:8761/eureka/"));
		Binder local = binder("order-service", Map.of());

		assertThat(inCompose.bind("eureka.client.service-url", SERVICE_URLS).get())
				.containsExactly(Map.entry("defaultZone", "http://service-registry:8761/eureka/"));
		assertThat(local.bind("eureka.client.service-url", SERVICE_URLS).get())
				.containsExactly(Map.entry("defaultZone", "http://127.0.0.1:8761/eureka/"));
	}

	@Test
	void aVariableForACamelCaseMapKeyAlsoBindsALowerCaseTwin() throws IOException {
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
		Path resources = Files.createDirectories(root.resolve("demo/src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), """
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

	/** The module's application.yml behind the given environment variables, as in a running application. */
	private static Binder binder(String module, Map<String, Object> variables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		Path yml = PROJECT_ROOT.resolve(module).resolve("src/main/resources/application.yml");
		new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(yml))
				.forEach(environment.getPropertySources()::addLast);
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment);
	}
}
