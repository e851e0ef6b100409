package dev.ftgo.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.ftgo.devstack.Component;

/**
 * Measurement 2: the relay's lag under a steady load. Outbox rows are committed at a fixed rate, in
 * transactions written the way services write them (insert, delete, commit), for a fixed time; each
 * row's lag runs from the moment its commit returned to its broker append time on
 * {@link BenchTopics#RELAYED}. Both are read on this machine's clock, in milliseconds.
 */
final class RelayLag {

	/** Rows are committed every tick, as many as keep the cumulative count on the target rate. */
	private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
	/** Rows committed in the first seconds are not counted: the relay may have been idle until then. */
	private static final int WARMUP_SECONDS = 2;
	private static final long ARRIVAL_WAIT_SECONDS = 30;

	/** The result row, and every counted row's lag in milliseconds (for the histogram). */
	record Outcome(Result result, Distribution lags) {
	}

	private RelayLag() {
	}

	static Outcome run(Target target, double rate, boolean halfOfDrain, BenchOptions options, PrintStream out) {
		BenchTopics.create(target.kafka(), BenchTopics.RELAYED);
		Map<UUID, Long> appended = new ConcurrentHashMap<>();
		Map<UUID, Double> committed = new ConcurrentHashMap<>();
		List<UUID> counted = new ArrayList<>();
		RelayMetrics relay = new RelayMetrics(target.relay());
		long written = 0;
		double seconds;
		RelayMetrics.LagTotals before;
		Map<String, Double> cores;
		try (TopicTail tail = TopicTail.from(target.kafka(), BenchTopics.RELAYED,
				record -> appended.putIfAbsent(TopicTail.id(record), record.timestamp()));
				OutboxRows outbox = new OutboxRows(target.orderServiceJdbcUrl(), Component.ORDER_SERVICE.database(),
						options.payloadBytes())) {
			out.printf(Locale.ROOT, "  committing %.0f outbox rows/s for %d s (+%d s warm-up)%n", rate, options.lagSeconds(),
					WARMUP_SECONDS);
			CpuTime cpuBefore = CpuTime.of(target.stack());
			long began = System.nanoTime();
			long countFrom = began + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
			long end = countFrom + TimeUnit.SECONDS.toNanos(options.lagSeconds());
			before = null;
			for (long tick = began; tick < end; tick += TICK_NANOS) {
				Pause.until(tick);
				if (before == null && tick >= countFrom) {
					before = relay.lag(Component.ORDER_SERVICE.id());
				}
				long due = (long) ((tick - began + TICK_NANOS) / 1e9 * rate);
				if (due > written) {
					List<UUID> ids = outbox.insertAndDelete((int) (due - written));
					double commitMillis = epochMillis(Instant.now());
					written = due;
					for (UUID id : ids) {
						committed.put(id, commitMillis);
						if (tick >= countFrom) {
							counted.add(id);
						}
					}
				}
			}
			seconds = (System.nanoTime() - countFrom) / 1e9;
			cores = CpuTime.of(target.stack()).coresSince(cpuBefore);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARRIVAL_WAIT_SECONDS);
			while (!appended.keySet().containsAll(counted) && System.nanoTime() < deadline) {
				Pause.millis(100);
			}
		}
		double[] lags = counted.stream().filter(appended::containsKey)
				.mapToDouble(id -> Math.max(0, appended.get(id) - committed.get(id))).toArray();
		Distribution distribution = Distribution.of(lags);
		RelayMetrics.LagTotals after = relay.lag(Component.ORDER_SERVICE.id());
		double relayMean = before == null ? Double.NaN : after.meanMillisSince(before).orElse(Double.NaN);
		double achieved = counted.size() / seconds;

		Map<String, Object> figures = Result.newFigures();
		figures.put("targetRowsPerSecond", Math.round(rate));
		figures.put("achievedRowsPerSecond", Math.round(achieved));
		figures.putAll(distribution.figures("lag"));
		figures.put("missing", counted.size() - lags.length);
		figures.put("relayReportedMeanMs", Distribution.round(relayMean));
		figures.put("cores", cores);
		String summary = String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms at %,.0f rows/s%s (relay's own mean %.1f ms);"
						+ " cores busy: %s", distribution.percentile(50), distribution.percentile(95), distribution.percentile(99),
				achieved, halfOfDrain ? " = half the drain" : "", relayMean, CpuTime.busiest(cores, 3));
		String goal = "p99 ≤ 50 ms at ½ drain rate";
		Result.Goal verdict = lags.length == 0 || !halfOfDrain ? new Result.Goal(goal, Result.Status.NOT_MEASURED)
				: Result.Goal.of(goal, distribution.percentile(99) <= 50 && lags.length == counted.size());
		String note = "commit returned → broker append time (LogAppendTime) of " + BenchTopics.RELAYED + "; a transaction every "
				+ TimeUnit.NANOSECONDS.toMillis(TICK_NANOS) + " ms with as many insert+delete rows as keep the rate; the relay's"
				+ " own mean is Δsum/Δcount of ftgo_relay_lag_seconds{source=order-service} (commit → Kafka ack)"
				+ (halfOfDrain ? "" : "; the rate was set by hand, so the half-load goal is not judged");
		return new Outcome(new Result("lag", "2 Relay lag at a fixed rate", summary, figures, verdict, note), distribution);
	}

	private static double epochMillis(Instant instant) {
		return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
	}
}
