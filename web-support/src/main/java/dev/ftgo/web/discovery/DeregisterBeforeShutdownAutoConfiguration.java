package dev.ftgo.web.discovery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.netflix.eureka.EurekaHealthCheckHandler;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.annotation.Bean;

/**
 * {@link DeregisterBeforeShutdown} in every service that registers itself with Eureka and serves HTTP.
 *
 * <p>After Spring Cloud's Eureka client configuration, whose registration bean it waits for: without one
 * (discovery switched off, e.g. {@code eureka.client.enabled=false} in the Kubernetes profile, or
 * {@code spring.cloud.service-registry.auto-registration.enabled=false}) no caller has this instance in a registry
 * copy, and a stop has nobody to wait for.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@ConditionalOnClass({ EurekaAutoServiceRegistration.class, WebServerApplicationContext.class })
@ConditionalOnBean(EurekaAutoServiceRegistration.class)
@EnableConfigurationProperties(DrainProperties.class)
public class DeregisterBeforeShutdownAutoConfiguration {

	@Bean
	DeregisterBeforeShutdown deregisterBeforeShutdown(EurekaAutoServiceRegistration registration,
			ObjectProvider<EurekaHealthCheckHandler> healthCheck, DrainProperties properties) {
		return new DeregisterBeforeShutdown(registration, healthCheck, properties);
	}
}
