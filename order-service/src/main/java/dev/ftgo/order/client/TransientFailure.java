package dev.ftgo.order.client;

import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;

import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Which failures are worth retrying (for idempotent calls only): a 5xx answer, or a connection that broke
 * after the request was sent (its answer was lost). Not a read timeout: a callee that is slow is usually
 * overloaded, and retrying would multiply both its load and our caller's wait. Not a connection that could not
 * be made ({@link NeverSent}) either: the failover retry below the breaker already tried the other instances.
 * Referenced from {@code resilience4j.retry.*.retry-exception-predicate}, hence public.
 */
public class TransientFailure implements Predicate<Throwable> {

	private static final NeverSent NEVER_SENT = new NeverSent();

	@Override
	public boolean test(Throwable failure) {
		if (failure instanceof HttpServerErrorException) {
			return true;
		}
		return failure instanceof ResourceAccessException && !isReadTimeout(failure) && !NEVER_SENT.test(failure);
	}

	private static boolean isReadTimeout(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException) {
				return false;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}
}
