package dev.ftgo.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client (one token subject) may send through the gateway
 * ({@code ftgo.gateway.rate-limit.*}): a token bucket per client that holds {@code burst} requests and
 * refills at {@code requestsPerSecond}.
 *
 * @param enabled off: no limit at all
 * @param requestsPerSecond the sustained rate a client may keep up
 * @param burst how many requests a client that was quiet may send at once
 * @param maxClients how many clients' buckets the gateway keeps; beyond that the least recently seen
 * are forgotten (they start again with a full bucket)
 */
@ConfigurationProperties("ftgo.gateway.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("50") double requestsPerSecond,
		@DefaultValue("100") int burst, @DefaultValue("100000") long maxClients) {

	public RateLimitSettings {
		if (requestsPerSecond <= 0 || burst < 1 || maxClients < 1) {
			throw new IllegalArgumentException("ftgo.gateway.rate-limit needs requests-per-second > 0, burst >= 1 and "
					+ "max-clients >= 1; got " + requestsPerSecond + ", " + burst + ", " + maxClients);
		}
	}
}
