package dev.ftgo.web.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;

/**
 * When a service gets the drain: in a context with Spring Cloud's Eureka client auto-configured as in every service,
 * and, one condition at a time, with a stand-in for the client's registration.
 */
class DeregisterBeforeShutdownAutoConfigurationTest {

	/** Short, because closing each context below waits for it. */
	private static final String DRAIN_DELAY = "ftgo.discovery.drain-delay=200ms";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeregisterBeforeShutdownAutoConfiguration.class))
		.withPropertyValues(DRAIN_DELAY);

	/** Every auto-configuration on the classpath, as in a service: Spring Cloud's Eureka client decides. */
	private final WebApplicationContextRunner eurekaClient = new WebApplicationContextRunner()
		.withUserConfiguration(EveryAutoConfiguration.class)
		.withPropertyValues(DRAIN_DELAY, "spring.application.name=drained",
				// a client that neither registers nor fetches: no registry is there to answer
				"eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false");

	@EnableAutoConfiguration
	static class EveryAutoConfiguration {
	}

	@Test
	void drainsAServiceRegisteredWithEurekaForTheConfiguredDelay() {
		contexts.withBean(EurekaAutoServiceRegistration.class, () -> mock(EurekaAutoServiceRegistration.class))
			.run(context -> {
				assertThat(context).hasSingleBean(DeregisterBeforeShutdown.class);
				assertThat(context.getBean(DrainProperties.class).drainDelay()).isEqualTo(Duration.ofMillis(200));
			});
	}

	@Test
	void backsOffWhenTheServiceDoesNotRegisterWithEureka() {
		contexts.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DeregisterBeforeShutdown.class));
	}

	@Test
	void backsOffWithoutTheEurekaClientOnTheClasspath() {
		contexts.withClassLoader(new FilteredClassLoader(EurekaAutoServiceRegistration.class))
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DeregisterBeforeShutdown.class));
	}

	@Test
	void backsOffWithoutAWebServer() {
		contexts.withBean(EurekaAutoServiceRegistration.class, () -> mock(EurekaAutoServiceRegistration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.web.server"))
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DeregisterBeforeShutdown.class));
	}

	@Test
	void drainsWhereSpringCloudRegistersTheServiceWithEureka() {
		eurekaClient.run(context -> assertThat(context).hasSingleBean(EurekaAutoServiceRegistration.class)
			.hasSingleBean(DeregisterBeforeShutdown.class));
	}

	@Test
	void backsOffWhereEurekaIsSwitchedOffAsInTheKubernetesProfile() {
		eurekaClient.withPropertyValues("eureka.client.enabled=false")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DeregisterBeforeShutdown.class));
	}

	@Test
	void waitsTwelveSecondsUnlessConfigured() {
		var unset = new Binder(new MapConfigurationPropertySource()).bindOrCreate("ftgo.discovery", DrainProperties.class);

		assertThat(unset.drainDelay()).isEqualTo(Duration.ofSeconds(12));
	}
}
