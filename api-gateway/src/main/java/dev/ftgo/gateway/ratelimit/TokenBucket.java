package dev.ftgo.gateway.ratelimit;

/**
 * One client's allowance: holds up to {@code capacity} tokens, gains {@code perSecond} tokens a
 * second, and each request takes one. Times are {@link System#nanoTime()} readings, passed in so that
 * a test can move the clock.
 */
final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double capacity;
	private final double perNano;
	private double tokens;
	private long refilledAt;

	TokenBucket(int capacity, double perSecond, long now) {
		this.capacity = capacity;
		this.perNano = perSecond / NANOS_PER_SECOND;
		this.tokens = capacity;
		this.refilledAt = now;
	}

	/**
	 * Takes a token if there is one.
	 *
	 * @return 0 if the request may go on, otherwise how many nanoseconds until a token is there
	 */
	synchronized long take(long now) {
		tokens = Math.min(capacity, tokens + Math.max(0, now - refilledAt) * perNano);
		refilledAt = now;
		if (tokens >= 1) {
			tokens -= 1;
			return 0;
		}
		return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
	}
}
