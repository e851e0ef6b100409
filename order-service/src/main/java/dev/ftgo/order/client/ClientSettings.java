package dev.ftgo.order.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service reaches the services it calls synchronously ({@code ftgo.order.clients.*}). The
 * base URLs name Eureka services, resolved per call by the load balancer. Breaker, bulkhead and retry
 * settings live under {@code resilience4j.*}, keyed by the same service names.
 *
 * @param retryAfter what a 503 tells the caller to wait when no better estimate exists (an open
 *        breaker's estimate is its own wait duration)
 */
@ConfigurationProperties("ftgo.order.clients")
public record ClientSettings(Remote consumerService, Remote kitchenService, @DefaultValue("1s") Duration retryAfter) {

	/**
	 * @param connectTimeout how long to wait for a TCP connection
	 * @param readTimeout how long to wait for the answer once connected: the bound on a slow callee
	 */
	public record Remote(URI baseUrl, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("2s") Duration readTimeout) {
	}
}
