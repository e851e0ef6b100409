package dev.ftgo.relay.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The meters of one source, tagged {@code source=<name>}. */
final class SourceMetrics {

	private final Counter relayed;
	private final Timer lag;
	private final AtomicLong lastLagMillis = new AtomicLong();
	private final Counter restarts;

	SourceMetrics(MeterRegistry registry, String source, BooleanSupplier running, SlotBacklog backlog) {
		relayed = Counter.builder("ftgo.relay.records")
				.description("Outbox messages published to Kafka and acknowledged")
				.tag("source", source).register(registry);
		lag = Timer.builder("ftgo.relay.lag")
				.description("From the commit of the outbox insert in the source database to Kafka's acknowledgement")
				// p50/p95/p99 over a sliding window, visible on /actuator/metrics and /actuator/prometheus
				.publishPercentiles(0.5, 0.95, 0.99)
				.tag("source", source).register(registry);
		Gauge.builder("ftgo.relay.lag.last", lastLagMillis, millis -> millis.get() / 1000.0)
				.description("The lag of the last published message").baseUnit("seconds")
				.tag("source", source).register(registry);
		restarts = Counter.builder("ftgo.relay.engine.restarts")
				.description("Times the source's engine failed and was recreated")
				.tag("source", source).register(registry);
		Gauge.builder("ftgo.relay.engine.running", running, up -> up.getAsBoolean() ? 1 : 0)
				.description("1 while the source's engine is streaming, else 0")
				// strong: nothing else holds this supplier, and a gauge's weak reference would read NaN after a GC
				.strongReference(true)
				.tag("source", source).register(registry);
		Gauge.builder("ftgo.relay.slot.backlog", backlog, SlotBacklog::bytes)
				.description("WAL written by the source database beyond the position the relay confirmed from its slot;"
						+ " NaN while the database is unreachable or the slot does not exist yet")
				.baseUnit("bytes").strongReference(true).tag("source", source).register(registry);
	}

	void relayed(Instant committedAt, Instant acknowledgedAt) {
		Duration delay = Duration.between(committedAt, acknowledgedAt);
		// clocks of two hosts: a negative lag means "none"
		Duration measured = delay.isNegative() ? Duration.ZERO : delay;
		relayed.increment();
		lag.record(measured);
		lastLagMillis.set(measured.toMillis());
	}

	void restarted() {
		restarts.increment();
	}
}
