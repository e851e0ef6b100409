package dev.ftgo.order.client;

import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClientException;

import dev.ftgo.security.AccessRefusedException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Runs a synchronous call to another service inside Resilience4j's guards, nested explicitly so the
 * order is visible here rather than implied by aspect precedence:
 *
 * <pre>Retry (idempotent calls only) → CircuitBreaker → failover Retry → Bulkhead (semaphore) → HTTP call with timeouts</pre>
 *
 * The outer retry sees each attempt's outcome after the breaker recorded it, so an open breaker stops the
 * retries too; the bulkhead sits innermost so that a rejected call never reaches the network. The
 * guards are configured under {@code resilience4j.*.instances.<service>}.
 *
 * <p>The failover retry ({@code <service>-failover}, config {@code failover}) sends a call whose request never
 * reached a server ({@link NeverSent}: connection refused) again, whatever its method; each attempt asks the load
 * balancer anew, and round robin hands out the next instance. It sits below the breaker, so an instance that died
 * while discovery still lists it costs the service's breaker nothing as long as another instance answers.
 *
 * <p>A 4xx answer ({@link HttpClientErrorException}) passes through unchanged for the caller to
 * interpret (the breaker ignores it: the callee is healthy, the request was wrong), except the two about the
 * caller's bearer token, which the clients relay: a 403 means the callee refuses this caller what it asked, and
 * becomes this service's 403 ({@link AccessRefusedException}); a 401 means the callee did not accept a token this
 * service did, and becomes a {@link TokenRefusedException} (503). Every way of not getting an answer becomes a
 * {@link ServiceUnavailableException}.
 */
@Component
public class ResilientCalls {

	private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);

	/** The retry config, under {@code resilience4j.retry.configs}, of every service's failover retry. */
	static final String FAILOVER_CONFIG = "failover";

	static final String FAILOVER_SUFFIX = "-failover";

	private final CircuitBreakerRegistry breakers;
	private final BulkheadRegistry bulkheads;
	private final RetryRegistry retries;
	private final Duration defaultRetryAfter;

	ResilientCalls(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RetryRegistry retries,
			ClientSettings settings) {
		this.breakers = breakers;
		this.bulkheads = bulkheads;
		this.retries = retries;
		this.defaultRetryAfter = settings.retryAfter();
	}

	/**
	 * A call that must not be repeated once sent (e.g. a POST without an idempotency key): breaker and bulkhead;
	 * retried only on another instance when it never reached a server.
	 */
	public <T> T once(String service, Supplier<T> call) {
		var breaker = breakers.circuitBreaker(service);
		return run(service, breaker, guarded(service, breaker, call));
	}

	/** A call that is safe to repeat (a GET): retried on transient failures, inside the same guards. */
	public <T> T idempotent(String service, Supplier<T> call) {
		var breaker = breakers.circuitBreaker(service);
		Retry retry = retries.retry(service);
		return run(service, breaker, Retry.decorateSupplier(retry, guarded(service, breaker, call)));
	}

	private <T> Supplier<T> guarded(String service, CircuitBreaker breaker, Supplier<T> call) {
		Bulkhead bulkhead = bulkheads.bulkhead(service);
		Retry failover = retries.retry(service + FAILOVER_SUFFIX, FAILOVER_CONFIG);
		return CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(failover,
				Bulkhead.decorateSupplier(bulkhead, () -> invoke(service, call))));
	}

	private <T> T run(String service, CircuitBreaker breaker, Supplier<T> guarded) {
		try {
			return guarded.get();
		}
		catch (HttpClientErrorException.Forbidden refused) {
			// the callee's own rules for the same caller: its refusal is final, and the caller's to know about
			throw new AccessRefusedException(service + " refused this caller the request it needed to make for it.");
		}
		catch (HttpClientErrorException.Unauthorized refused) {
			log.warn("{} did not accept the relayed bearer token: {}", service,
					refused.getResponseHeaders() == null ? null : refused.getResponseHeaders().getFirst("WWW-Authenticate"));
			throw new TokenRefusedException(service, defaultRetryAfter, refused);
		}
		catch (HttpClientErrorException answered) {
			throw answered;
		}
		catch (CallNotPermittedException open) {
			throw new ServiceUnavailableException(service, "its circuit breaker is open", openWait(breaker), open);
		}
		catch (BulkheadFullException full) {
			throw new ServiceUnavailableException(service, "too many calls to it are in progress", defaultRetryAfter,
					full);
		}
		catch (RestClientException failed) {
			log.warn("Call to {} failed: {}", service, failed.toString());
			throw new ServiceUnavailableException(service, describe(failed), defaultRetryAfter, failed);
		}
	}

	private static <T> T invoke(String service, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (IllegalStateException noInstance) {
			// how Spring Cloud LoadBalancer says that discovery has no instance of the service
			if (String.valueOf(noInstance.getMessage()).startsWith("No instances available")) {
				throw new NoInstanceAvailableException(service, noInstance);
			}
			throw noInstance;
		}
	}

	private Duration openWait(CircuitBreaker breaker) {
		var millis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		return millis == null ? defaultRetryAfter : Duration.ofMillis(millis);
	}

	private static String describe(RestClientException failure) {
		if (failure instanceof HttpServerErrorException serverError) {
			return "it answered " + serverError.getStatusCode().value();
		}
		if (failure instanceof NoInstanceAvailableException) {
			return "no instance is registered";
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				break;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "it did not answer in time";
			}
		}
		return "it could not be reached";
	}
}
