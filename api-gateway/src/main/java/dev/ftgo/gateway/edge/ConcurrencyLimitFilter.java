package dev.ftgo.gateway.edge;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.netflix.concurrency.limits.Limiter;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Sheds load at the edge. Each service has an adaptive limit on the requests in flight to it from here
 * ({@link ServiceLimits}); one over the limit is refused at once with a 503 problem and
 * {@code Retry-After}, before anything is sent to the service. Most such refusals come earlier still, from
 * {@link FullServiceFilter}, before the token is checked; this filter takes the permits and refuses the few
 * requests that were let in there just before the service filled up.
 * <p>
 * Why: once a service is at capacity, every further request it accepts only waits in its queues. Without a
 * limit the queues grow, answers come after the client gave up, and the work done for them is wasted; the
 * goodput then falls far below capacity and stays there while the overload lasts. Refused at the edge, the
 * excess costs almost nothing and the requests let through are answered as fast as at capacity.
 * <p>
 * The limit learns from the latency of the requests it lets through; a 5xx answer or a failure counts as a
 * sign of overload (the limit falls), a request the client cancelled teaches it nothing.
 */
@Component
class ConcurrencyLimitFilter implements GlobalFilter, Ordered {

	/** Before the routes' own filters (circuit breaker, retry), so a refused request never reaches them. */
	static final int ORDER = 0;

	private final ServiceLimits limits;

	ConcurrencyLimitFilter(ServiceLimits limits) {
		this.limits = limits;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!limits.enabled() || route == null) {
			return chain.filter(exchange);
		}
		var service = ServiceLimits.serviceOf(route);
		var permit = limits.acquire(service);
		if (permit.isEmpty()) {
			return Mono.error(limits.atCapacity(service));
		}
		var listener = permit.get();
		var released = new AtomicBoolean();
		return chain.filter(exchange).doFinally(signal -> {
			if (released.compareAndSet(false, true)) {
				release(listener, signal, exchange);
			}
		});
	}

	private static void release(Limiter.Listener listener, SignalType signal, ServerWebExchange exchange) {
		if (signal == SignalType.CANCEL) {
			listener.onIgnore();
			return;
		}
		var status = exchange.getResponse().getStatusCode();
		if (signal == SignalType.ON_ERROR || (status != null && status.is5xxServerError())) {
			listener.onDropped();
		}
		else {
			listener.onSuccess();
		}
	}
}
