package dev.ftgo.gateway.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.client.ServiceInstance;

/**
 * The instances that refused a connection lately (passive outlier detection): a killed instance stays listed by
 * discovery until its lease expires, about half a minute, and round robin would keep sending it every other
 * request. Once one connection was refused, the load balancer leaves the instance out for a while
 * ({@code ftgo.gateway.refused-instance-ejection}), so the retry of that request and the requests after it go to
 * the others. When the time is up the instance is tried again: a restarted one gets its share back.
 */
final class RefusingInstances {

	private final Map<String, Instant> ejectedUntil = new ConcurrentHashMap<>();
	private final Duration ejection;
	private final Clock clock;

	RefusingInstances(Duration ejection, Clock clock) {
		this.ejection = ejection;
		this.clock = clock;
	}

	void refusedConnection(ServiceInstance instance) {
		ejectedUntil.put(key(instance), clock.instant().plus(ejection));
	}

	/**
	 * The instances that did not refuse a connection lately; all of them when every one did, so that a service
	 * whose instances all restart at once is still tried.
	 */
	List<ServiceInstance> without(List<ServiceInstance> instances) {
		if (ejectedUntil.isEmpty()) {
			return instances;
		}
		var now = clock.instant();
		ejectedUntil.values().removeIf(until -> !until.isAfter(now));
		var answering = instances.stream().filter(instance -> !ejectedUntil.containsKey(key(instance))).toList();
		return answering.isEmpty() ? instances : answering;
	}

	private static String key(ServiceInstance instance) {
		return instance.getServiceId() + "@" + instance.getHost() + ":" + instance.getPort();
	}
}
