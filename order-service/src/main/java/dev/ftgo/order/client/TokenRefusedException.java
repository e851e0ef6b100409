package dev.ftgo.order.client;

import java.time.Duration;

/**
 * A called service answered 401 to the bearer token this service relayed, a token this service itself had just
 * accepted. So the caller is not to blame and must not be told its token is bad (a 401 would make it sign in again
 * for nothing): the services disagree about the token. That happens for a moment while the signing key rotates
 * (one side has not fetched the new JWK set yet) or when the token expires between the two checks, and for good
 * when the services trust different issuers or the relay is broken. Callers see 503 with {@code Retry-After}, and
 * an operator sees a warning in the log.
 *
 * <p>Unlike the other ways of being unavailable, the callee did answer: nothing stands in for it (no replica
 * fallback), as that would hide a broken relay behind a stale copy.
 */
public class TokenRefusedException extends ServiceUnavailableException {

	TokenRefusedException(String service, Duration retryAfter, Throwable cause) {
		super(service, "it did not accept the caller's bearer token", retryAfter, cause);
	}
}
