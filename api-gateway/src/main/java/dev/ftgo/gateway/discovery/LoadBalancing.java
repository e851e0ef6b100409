package dev.ftgo.gateway.discovery;

import java.time.Clock;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's load balancer ({@link ServiceLoadBalancing}): the instances discovery lists, less those that just
 * refused a connection, in round robin.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceLoadBalancing.class)
class LoadBalancing {

	@Bean
	RefusingInstances refusingInstances(LoadBalancingSettings settings) {
		return new RefusingInstances(settings.refusedInstanceEjection(), Clock.systemUTC());
	}

	@Bean
	RefusedConnectionFilter refusedConnectionFilter(RefusingInstances refusing) {
		return new RefusedConnectionFilter(refusing);
	}
}
