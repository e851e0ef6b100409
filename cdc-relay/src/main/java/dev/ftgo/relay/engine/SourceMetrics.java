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
	private final Counter republished;
	private final Counter slotsLost;

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
		Gauge.builder("ftgo.relay.outbox.rows", backlog, SlotBacklog::rows)
				.description("Rows in the source's outbox table: messages not yet published; a few at most while the relay"
						+ " keeps up, growing while it is down. NaN while the database is unreachable")
				.strongReference(true).tag("source", source).register(registry);
		republished = Counter.builder("ftgo.relay.republished")
				.description("Outbox rows published from the table rather than from the slot: after the slot was lost or"
						+ " created anew")
				.tag("source", source).register(registry);
		slotsLost = Counter.builder("ftgo.relay.slot.lost")
				.description("Times the source's replication slot was found invalidated by max_slot_wal_keep_size")
				.tag("source", source).register(registry);
	}

	void republished(long rows) {
		republished.increment(rows);
	}

	void slotLost() {
		slotsLost.increment();
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
