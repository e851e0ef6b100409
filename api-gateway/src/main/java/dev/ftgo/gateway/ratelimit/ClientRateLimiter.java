package dev.ftgo.gateway.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A {@link TokenBucket} per client, kept in memory of this gateway instance (there is no shared
 * store such as Redis; with several instances each enforces the limit on its own share).
 * <p>
 * The buckets live in a bounded cache. One idle for as long as it takes to fill up is dropped: it
 * was full, so a fresh bucket is the same thing and forgetting it loses nothing.
 */
final class ClientRateLimiter {

	private final RateLimitSettings settings;
	private final LongSupplier clock;
	private final Cache<String, TokenBucket> buckets;

	ClientRateLimiter(RateLimitSettings settings) {
		this(settings, System::nanoTime);
	}

	ClientRateLimiter(RateLimitSettings settings, LongSupplier clock) {
		this.settings = settings;
		this.clock = clock;
		var fillUp = Duration.ofNanos((long) Math.ceil(settings.burst() / settings.requestsPerSecond() * 1e9));
		this.buckets = Caffeine.newBuilder()
			.maximumSize(settings.maxClients())
			.expireAfterAccess(fillUp.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : fillUp)
			.ticker(clock::getAsLong)
			.build();
	}

	/** @return {@link Duration#ZERO} if the client may go on, otherwise how long it has to wait */
	Duration acquire(String client) {
		long now = clock.getAsLong();
		var bucket = buckets.get(client, key -> new TokenBucket(settings.burst(), settings.requestsPerSecond(), now));
		return Duration.ofNanos(bucket.take(now));
	}

	long clients() {
		buckets.cleanUp();
		return buckets.estimatedSize();
	}
}
