package dev.ftgo.order.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The {@code circuitBreakers} component of {@code /actuator/health}. Resilience4j 2.3's own indicator
 * targets Spring Boot 3's health API and does not register on Boot 4, so this one stands in.
 *
 * <p>It is always UP and shows each breaker's state in its details: an open breaker means a
 * dependency is in trouble, not this service. Reporting DOWN would take this service out of Eureka
 * (the health check is propagated there) and turn one failure into two.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakersHealth {

	@Bean
	@ConditionalOnEnabledHealthIndicator("circuitbreakers")
	HealthIndicator circuitBreakersHealthIndicator(CircuitBreakerRegistry breakers) {
		return () -> {
			var details = new LinkedHashMap<String, Object>();
			breakers.getAllCircuitBreakers().stream()
				.sorted((a, b) -> a.getName().compareTo(b.getName()))
				.forEach(breaker -> details.put(breaker.getName(), describe(breaker)));
			return Health.up().withDetails(details).build();
		};
	}

	private static Map<String, Object> describe(CircuitBreaker breaker) {
		var metrics = breaker.getMetrics();
		return Map.of("state", breaker.getState().name(),
				"failureRate", metrics.getFailureRate() + "%",
				"slowCallRate", metrics.getSlowCallRate() + "%",
				"bufferedCalls", metrics.getNumberOfBufferedCalls(),
				"failedCalls", metrics.getNumberOfFailedCalls(),
				"notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
	}
}
