package dev.ftgo.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The adaptive concurrency limit of each routed service ({@code ftgo.gateway.concurrency-limit.*}): how many requests
 * the gateway lets through to one service at once. The limit moves between {@code minLimit} and
 * {@code maxLimit} with the service's latency (Netflix's Gradient2 algorithm): it grows while latency stays
 * near its long-term average and shrinks when requests start to queue. A request over the limit is refused
 * at once with 503 and {@code Retry-After}.
 *
 * @param enabled off: every request goes through (the bulkhead of each route still caps them)
 * @param initialLimit where the limit starts, before any latency was measured
 * @param minLimit the limit never falls below this, so a slow spell cannot shut a route
 * @param maxLimit the limit never rises above this (the route's bulkhead)
 * @param queueSize how far the limit may run ahead of the measured latency: requests allowed to queue in the
 *        service, which keeps its threads busy between answers
 * @param rttTolerance how much slower than the long-term average the latency may get before the limit falls
 * @param longWindow how many answers the long-term average spans: the longer, the longer a lasting overload
 *        stays measured against the latency from before it, instead of becoming the new normal
 * @param retryAfter what a refusal tells the client to wait
 */
@ConfigurationProperties("ftgo.gateway.concurrency-limit")
public record ConcurrencyLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("40") int initialLimit,
		@DefaultValue("16") int minLimit, @DefaultValue("200") int maxLimit, @DefaultValue("4") int queueSize,
		@DefaultValue("1.0") double rttTolerance, @DefaultValue("6000") int longWindow,
		@DefaultValue("1s") Duration retryAfter) {

	public ConcurrencyLimitSettings {
		if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit) {
			throw new IllegalArgumentException("Need 1 <= min-limit <= initial-limit <= max-limit, got " + minLimit + ", "
					+ initialLimit + ", " + maxLimit);
		}
		if (longWindow < 1) {
			throw new IllegalArgumentException("long-window must be at least 1, was " + longWindow);
		}
		if (rttTolerance < 1) {
			throw new IllegalArgumentException("rtt-tolerance must be at least 1, was " + rttTolerance);
		}
	}
}
