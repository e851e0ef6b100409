package dev.ftgo.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.PostgresServer;

/**
 * Measurement 1: the relay's drain rate beside the database's own write rate. With the relay stopped, K
 * outbox rows are inserted over plain JDBC and timed (what this machine's PostgreSQL takes in); then the
 * relay is started and the rows are counted as they arrive on Kafka. The drain rate runs from the first
 * record's append to the last one's, so the relay's JVM start is reported apart rather than diluting it.
 */
final class RelayDrain {

	/** The drain rate, for the lag measurement's default of half of it, and the result row. */
	record Outcome(double drainRate, Result result) {
	}

	private RelayDrain() {
	}

	static Outcome run(Target target, BenchOptions options, Profiler profiler, PrintStream out) {
		int rows = options.rows();
		BenchTopics.create(target.kafka(), BenchTopics.RELAYED);
		Map<UUID, Long> appended = new ConcurrentHashMap<>();
		AtomicLong records = new AtomicLong();
		double insertSeconds;
		try (TopicTail tail = TopicTail.from(target.kafka(), BenchTopics.RELAYED, record -> {
			records.incrementAndGet();
			appended.putIfAbsent(TopicTail.id(record), record.timestamp());
		})) {
			out.println("  stopping cdc-relay");
			target.stack().stop(Component.CDC_RELAY);
			long timeoutMillis = TimeUnit.SECONDS.toMillis(options.drainTimeoutSeconds());
			PostgresServer postgres = target.stack().postgres();
			double noopSeconds;
			try (DebeziumNoopDrain noop = new DebeziumNoopDrain("127.0.0.1", postgres.port(),
					Component.ORDER_SERVICE.database(), target.orderServiceJdbcUrl())) {
				out.println("  a bare Debezium engine with a no-op consumer takes a slot of its own");
				noop.prepare(timeoutMillis);

				out.printf(Locale.ROOT, "  inserting %,d outbox rows (%d per transaction)%n", rows, options.batch());
				long insertBegan = System.nanoTime();
				try (OutboxRows outbox = new OutboxRows(target.orderServiceJdbcUrl(), Component.ORDER_SERVICE.database(),
						options.payloadBytes())) {
					outbox.insertKept(rows, options.batch());
				}
				insertSeconds = (System.nanoTime() - insertBegan) / 1e9;

				out.println("  the bare engine reads them (no Kafka): its drain rate is the relay's ceiling");
				noopSeconds = noop.drain(rows, timeoutMillis);
			}

			out.println("  starting cdc-relay and counting arrivals on " + BenchTopics.RELAYED);
			long startedAtMillis = System.currentTimeMillis();
			long startBegan = System.nanoTime();
			target.stack().start(Component.CDC_RELAY);
			double relayStartSeconds = (System.nanoTime() - startBegan) / 1e9;
			CpuTime ready = CpuTime.of(target.stack());
			int arrivedWhenReady = appended.size();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds());
			Map<String, Double> cores = profiler.during(target, List.of(Component.CDC_RELAY), "drain", () -> {
				while (appended.size() < rows && System.nanoTime() < deadline) {
					Pause.millis(100);
				}
				return CpuTime.of(target.stack()).coresSince(ready);
			});
			// a moment for redeliveries, if any, to show up as duplicates
			Pause.millis(1000);

			long first = appended.values().stream().mapToLong(Long::longValue).min().orElse(startedAtMillis);
			long last = appended.values().stream().mapToLong(Long::longValue).max().orElse(startedAtMillis);
			int arrived = appended.size();
			double drainSeconds = Math.max(0.001, (last - first) / 1000.0);
			double insertRate = rows / insertSeconds;
			double drainRate = arrived / drainSeconds;
			double ratio = drainRate / insertRate;
			double noopRate = rows / noopSeconds;
			double ofCeiling = drainRate / noopRate;

			Map<String, Object> figures = Result.newFigures();
			figures.put("rows", rows);
			figures.put("insertSeconds", Distribution.round(insertSeconds));
			figures.put("insertRowsPerSecond", Math.round(insertRate));
			figures.put("drainSeconds", Distribution.round(drainSeconds));
			figures.put("drainRowsPerSecond", Math.round(drainRate));
			figures.put("drainToInsertRatio", Math.round(ratio * 100) / 100.0);
			figures.put("debeziumNoopRowsPerSecond", Math.round(noopRate));
			figures.put("relayVsDebeziumNoop", Math.round(ofCeiling * 100) / 100.0);
			figures.put("relayStartSeconds", Distribution.round(relayStartSeconds));
			figures.put("startToDrainedSeconds", Distribution.round((last - startedAtMillis) / 1000.0));
			figures.put("arrived", arrived);
			figures.put("duplicates", records.get() - arrived);
			figures.put("arrivedBeforeRelayReady", arrivedWhenReady);
			figures.put("coresDuringDrain", cores);
			String summary = String.format(Locale.ROOT,
					"insert %,.0f rows/s, drain %,.0f rows/s, ratio %.2f; bare Debezium no-op %,.0f rows/s, relay ÷ no-op %.2f"
							+ " (K=%,d; relay start %.1f s, start→drained %.1f s%s); cores busy while draining: %s",
					insertRate, drainRate, ratio, noopRate, ofCeiling, rows, relayStartSeconds, (last - startedAtMillis) / 1000.0,
					arrived < rows ? String.format(Locale.ROOT, "; only %,d arrived", arrived) : "", CpuTime.busiest(cores, 3));
			Result result = new Result("drain", "1 Relay drain vs JDBC insert", summary, figures,
					Result.Goal.of("drain ≥ insert", arrived == rows && ratio >= 1),
					"insert: one connection, JDBC batches of single-row INSERTs, " + options.batch()
							+ " per transaction, rows kept; drain: first to last broker append time of the "
							+ BenchTopics.RELAYED + " records, the relay's JVM start reported apart; cores busy: CPU time per process (and its"
							+ " children) from the relay's readiness to the last arrival, divided by that wall time; bare Debezium no-op: an"
							+ " embedded engine in the bench's JVM with the relay's connector settings and a consumer that only counts,"
							+ " reading the same rows through a slot of its own, first to last record handed to it");
			return new Outcome(arrived == rows ? drainRate : 0, result);
		}
	}
}
