package dev.ftgo.gateway.edge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.ftgo.gateway.web.ProblemException;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The adaptive concurrency limit of each routed service ({@link ConcurrencyLimitSettings}), its meters, and the 503
 * that refuses a request over it. {@link ConcurrencyLimitFilter} takes and returns the permits;
 * {@link FullServiceFilter} only looks, to refuse early.
 */
@Component
class ServiceLimits {

	private final ConcurrencyLimitSettings settings;
	private final MeterRegistry meters;
	private final Map<String, ServiceLimit> services = new ConcurrentHashMap<>();
	private final HttpHeaders retryAfter;
	private final String retryIn;

	ServiceLimits(ConcurrencyLimitSettings settings, MeterRegistry meters) {
		this.settings = settings;
		this.meters = meters;
		long seconds = Math.max(1, settings.retryAfter().toSeconds());
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.retryAfter = HttpHeaders.readOnlyHttpHeaders(headers);
		this.retryIn = " requests in flight to it. Retry in " + seconds + (seconds == 1 ? " second." : " seconds.");
	}

	/**
	 * The service a route sends to ({@code lb://order-service}): a service's reads and writes take routes of their
	 * own, but it is the service whose capacity the limit guards, so they share one limit.
	 */
	static String serviceOf(Route route) {
		var host = route.getUri().getHost();
		return "lb".equals(route.getUri().getScheme()) && host != null ? host : route.getId();
	}

	boolean enabled() {
		return settings.enabled();
	}

	/** @return a permit to release when the request is over, or empty (counted as refused) if the service is full */
	Optional<Limiter.Listener> acquire(String service) {
		var limit = services.computeIfAbsent(service, this::limitFor);
		var permit = limit.limiter().acquire(null);
		if (permit.isEmpty()) {
			limit.refused().increment();
		}
		return permit;
	}

	/** Whether any service has as many requests in flight as its limit: cheap enough to ask of every request. */
	boolean anyFull() {
		for (var limit : services.values()) {
			if (limit.isFull()) {
				return true;
			}
		}
		return false;
	}

	/** Whether a request to the service would be refused now; if so it is counted as refused. */
	boolean refuses(String service) {
		var limit = services.get(service);
		if (limit == null || !limit.isFull()) {
			return false;
		}
		limit.refused().increment();
		return true;
	}

	/** The 503 for a service that {@link #acquire} or {@link #refuses} just found full. */
	ProblemException atCapacity(String service) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, service + " is at capacity: the gateway already has "
				+ services.get(service).limiter().getLimit() + retryIn, retryAfter);
	}

	private ServiceLimit limitFor(String service) {
		var limiter = SimpleLimiter.newBuilder().named(service).limit(adaptiveLimit(settings)).build();
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
		return new ServiceLimit(limiter, refused);
	}

	/** The limit of one service, as the settings shape Netflix's Gradient2 algorithm. */
	static Gradient2Limit adaptiveLimit(ConcurrencyLimitSettings settings) {
		return Gradient2Limit.newBuilder()
			.initialLimit(settings.initialLimit())
			.minLimit(settings.minLimit())
			.maxConcurrency(settings.maxLimit())
			.queueSize(settings.queueSize())
			.rttTolerance(settings.rttTolerance())
			.longWindow(settings.longWindow())
			.build();
	}

	private record ServiceLimit(SimpleLimiter<Object> limiter, Counter refused) {

		boolean isFull() {
			return limiter.getInflight() >= limiter.getLimit();
		}
	}
}
