package dev.ftgo.order.client;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.function.Predicate;

import org.springframework.web.client.ResourceAccessException;

/**
 * A call that failed before its request reached any server: the connection was refused or could not be made in
 * time. Typically an instance that stopped or died while discovery still lists it. Sending such a request again,
 * to the next instance the load balancer picks, is safe for every method, a POST without an idempotency key
 * included. Referenced from {@code resilience4j.retry.configs.failover.retry-exception-predicate}, hence public.
 */
public class NeverSent implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		if (!(failure instanceof ResourceAccessException)) {
			return false;
		}
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}
}
