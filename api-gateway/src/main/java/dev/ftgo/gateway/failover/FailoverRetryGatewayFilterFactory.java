package dev.ftgo.gateway.failover;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.netty.Connection;
import reactor.retry.Backoff;
import reactor.retry.Repeat;
import reactor.retry.Retry;

/**
 * The {@code FailoverRetry} route filter: sends a failed attempt again, to the instance the load balancer picks
 * next, when {@link RetryRules} says it is safe. Each attempt runs the rest of the chain, the load balancer
 * included; round robin hands out the next instance, so a retry after a refused connection lands on another one.
 * <p>
 * Spring Cloud Gateway's own {@code Retry} filter decides by method alone, for every kind of failure; here a
 * refused connection is retried for any method and a lost answer only for a request that may run twice. The
 * attempts run through the built-in filter's machinery (request body cached for a resend, exchange reset,
 * attempt count), with a bounded number of retries and a short exponential backoff.
 */
@Component
public class FailoverRetryGatewayFilterFactory
		extends AbstractGatewayFilterFactory<FailoverRetryGatewayFilterFactory.Config> {

	private final RetryGatewayFilterFactory attempts;

	FailoverRetryGatewayFilterFactory(RetryGatewayFilterFactory attempts) {
		super(Config.class);
		this.attempts = attempts;
	}

	@Override
	public GatewayFilter apply(Config config) {
		var backoff = Backoff.exponential(config.getFirstBackoff(), config.getMaxBackoff(), 2, true);
		Retry<ServerWebExchange> onFailure = Retry.<ServerWebExchange>onlyIf(context -> {
			var exchange = context.applicationContext();
			return withinBudget(exchange, config) && RetryRules.mayRetry(context.exception(), exchange.getRequest());
		}).doOnRetry(context -> reset(context.applicationContext())).retryMax(config.getRetries()).backoff(backoff);
		Repeat<ServerWebExchange> onServerError = Repeat.<ServerWebExchange>onlyIf(context -> {
			var exchange = context.applicationContext();
			return withinBudget(exchange, config)
					&& RetryRules.mayRepeat(exchange.getResponse().getStatusCode(), exchange.getRequest());
		}).doOnRepeat(context -> reset(context.applicationContext())).backoff(backoff);
		return attempts.apply(config.getRouteId(), onServerError, onFailure);
	}

	/** Retries and repeats share one budget: attempts made so far, counted by the built-in filter. */
	private static boolean withinBudget(ServerWebExchange exchange, Config config) {
		Integer done = exchange.getAttribute(RetryGatewayFilterFactory.RETRY_ITERATION_KEY);
		return done == null || done < config.getRetries();
	}

	/** Lets go of the failed attempt's connection and routing state, so the next attempt routes afresh. */
	private static void reset(ServerWebExchange exchange) {
		Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		if (connection != null) {
			connection.dispose();
			exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		}
		ServerWebExchangeUtils.reset(exchange);
	}

	/** Set per route in {@code application.yml}: how many retries at most, and the backoff between them. */
	public static class Config implements HasRouteId {

		private String routeId;

		private int retries = 2;

		private Duration firstBackoff = Duration.ofMillis(50);

		private Duration maxBackoff = Duration.ofMillis(400);

		@Override
		public void setRouteId(String routeId) {
			this.routeId = routeId;
		}

		@Override
		public String getRouteId() {
			return routeId;
		}

		public int getRetries() {
			return retries;
		}

		public void setRetries(int retries) {
			this.retries = retries;
		}

		public Duration getFirstBackoff() {
			return firstBackoff;
		}

		public void setFirstBackoff(Duration firstBackoff) {
			this.firstBackoff = firstBackoff;
		}

		public Duration getMaxBackoff() {
			return maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}
	}
}
