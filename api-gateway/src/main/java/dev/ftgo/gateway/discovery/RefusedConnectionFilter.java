package dev.ftgo.gateway.discovery;

import java.net.ConnectException;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Tells {@link RefusingInstances} which instance the load balancer chose when the connection to it was refused or
 * could not be made in time (Netty's connect failures extend {@link ConnectException}). Runs right after the load
 * balancer, so each attempt of a retried request reports its own instance.
 */
final class RefusedConnectionFilter implements GlobalFilter, Ordered {

	private final RefusingInstances refusing;

	RefusedConnectionFilter(RefusingInstances refusing) {
		this.refusing = refusing;
	}

	@Override
	public int getOrder() {
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).doOnError(error -> {
			if (causedBy(error, ConnectException.class)) {
				Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
				if (chosen != null && chosen.hasServer()) {
					refusing.refusedConnection(chosen.getServer());
				}
			}
		});
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (var cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}
}
