package dev.ftgo.gateway.discovery;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The configuration of one service's load-balancer context, a child of the application's context that Spring Cloud
 * LoadBalancer creates per service. Deliberately not a {@code @Configuration}: it must not be picked up by the
 * application's context, where there is no service to balance.
 */
class ServiceLoadBalancing {

	/** The instances discovery lists (cached, {@code spring.cloud.loadbalancer.cache}), less the refusing ones. */
	@Bean
	ServiceInstanceListSupplier instancesWithoutRefusingOnes(ConfigurableApplicationContext context,
			RefusingInstances refusing) {
		return ServiceInstanceListSupplier.builder().withDiscoveryClient().withCaching()
			.with((ignored, delegate) -> new WithoutRefusingInstances(delegate, refusing))
			.build(context);
	}
}
