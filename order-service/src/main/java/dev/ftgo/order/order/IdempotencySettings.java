package dev.ftgo.order.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an {@code Idempotency-Key} is remembered ({@code ftgo.order.idempotency.*}). A client that repeats a
 * request within the retention gets the order it placed first; after it the key is forgotten and the same
 * request places a new order. Clients retry within seconds or minutes; a day leaves room for a client that was
 * offline, and keeps the table at about a day of orders.
 *
 * @param retention how long a key is kept after the order it placed
 * @param purgeInterval how often keys older than the retention are deleted
 */
@ConfigurationProperties("ftgo.order.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
}
