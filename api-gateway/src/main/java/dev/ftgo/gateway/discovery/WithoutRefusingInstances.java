package dev.ftgo.gateway.discovery;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import reactor.core.publisher.Flux;

/** The instances discovery lists, less those that refused a connection lately ({@link RefusingInstances}). */
final class WithoutRefusingInstances extends DelegatingServiceInstanceListSupplier {

	private final RefusingInstances refusing;

	WithoutRefusingInstances(ServiceInstanceListSupplier delegate, RefusingInstances refusing) {
		super(delegate);
		this.refusing = refusing;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return delegate.get().map(refusing::without);
	}

	@Override
	public Flux<List<ServiceInstance>> get(Request request) {
		return delegate.get(request).map(refusing::without);
	}
}
