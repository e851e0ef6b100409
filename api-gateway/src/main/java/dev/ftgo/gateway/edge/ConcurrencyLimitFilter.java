package dev.ftgo.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

import dev.ftgo.gateway.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Sheds load at the edge. Each service has an adaptive limit on the requests in flight to it from here
 * ({@link ConcurrencyLimitSettings}); one over the limit is refused at once with a 503 problem and
 * {@code Retry-After}, before anything is sent to the service.
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

	private final ConcurrencyLimitSettings settings;
	private final MeterRegistry meters;
	private final Map<String, RouteLimit> services = new ConcurrentHashMap<>();

	ConcurrencyLimitFilter(ConcurrencyLimitSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!settings.enabled() || route == null) {
			return chain.filter(exchange);
		}
		var service = serviceOf(route);
		var limit = services.computeIfAbsent(service, this::limitFor);
		var permit = limit.limiter().acquire(null);
		if (permit.isEmpty()) {
			limit.refused().increment();
			return Mono.error(atCapacity(service, limit.limiter().getLimit()));
		}
		var listener = permit.get();
		var released = new AtomicBoolean();
		return chain.filter(exchange).doFinally(signal -> {
			if (released.compareAndSet(false, true)) {
				release(listener, signal, exchange);
			}
		});
	}

	/**
	 * The service a route sends to ({@code lb://order-service}): a service's reads and writes take routes of their
	 * own, but it is the service whose capacity the limit guards, so they share one limit.
	 */
	static String serviceOf(Route route) {
		var host = route.getUri().getHost();
		return "lb".equals(route.getUri().getScheme()) && host != null ? host : route.getId();
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

	private ProblemException atCapacity(String service, int limit) {
		var headers = new HttpHeaders();
		long seconds = Math.max(1, settings.retryAfter().toSeconds());
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, service + " is at capacity: the gateway already has "
				+ limit + " requests in flight to it. Retry in " + seconds + (seconds == 1 ? " second." : " seconds."),
				headers);
	}

	private RouteLimit limitFor(String service) {
		var limiter = SimpleLimiter.newBuilder()
			.named(service)
			.limit(Gradient2Limit.newBuilder()
				.initialLimit(settings.initialLimit())
				.minLimit(settings.minLimit())
				.maxConcurrency(settings.maxLimit())
				.queueSize(settings.queueSize())
				.rttTolerance(settings.rttTolerance())
				.build())
			.build();
		Gauge.builder("ftgo.gateway.concurrency.limit", limiter, SimpleLimiter::getLimit)
			.description("Requests the gateway lets through to the route's service at once, as adapted to its latency")
			.tag("service", service)
			.register(meters);
		Gauge.builder("ftgo.gateway.concurrency.inflight", limiter, SimpleLimiter::getInflight)
			.description("Requests in flight to the route's service")
			.tag("service", service)
			.register(meters);
		var refused = Counter.builder("ftgo.gateway.concurrency.refused")
			.description("Requests refused with 503 because the route's service was at its concurrency limit")
			.tag("service", service)
			.register(meters);
		return new RouteLimit(limiter, refused);
	}

	private record RouteLimit(SimpleLimiter<Object> limiter, Counter refused) {
	}
}
