package dev.ftgo.gateway.discovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway's load balancers treat an instance that refused a connection
 * ({@code ftgo.gateway.load-balancing.*}).
 *
 * @param refusedInstanceEjection how long such an instance is left out of its service's round robin
 */
@ConfigurationProperties("ftgo.gateway.load-balancing")
record LoadBalancingSettings(@DefaultValue("10s") Duration refusedInstanceEjection) {

	LoadBalancingSettings {
		if (refusedInstanceEjection.isNegative()) {
			throw new IllegalArgumentException(
					"ftgo.gateway.load-balancing.refused-instance-ejection must not be negative; got " + refusedInstanceEjection);
		}
	}
}
