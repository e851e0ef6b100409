package dev.ftgo.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.ftgo.bench.BenchOptions.Measurement;
import dev.ftgo.devstack.Component;

/**
 * Runs the measurements in an order where each leaves the stack as the next expects it: the drain (which
 * stops and starts the relay), the lag (at half the drain rate), the raw producer, then the order loads.
 * A measurement that fails is reported as failed and the others still run.
 */
final class Measurements {

	/** The order of the table: the numbering of docs/bench.md. */
	private static final List<String> ORDER = List.of("drain", "lag", "endToEnd", "fixedRate", "portableRate", "overhead",
			"producer", "footprint", "coldStart", Overload.ID, RelayOutage.ID);
	/** The goal for the whole stack's resident memory (docs/bench.md). */
	private static final double FOOTPRINT_GOAL_MB = 2.0 * 1024;
	/** After the loads, a pause for their last messages, then a window in which the idle stack's CPU is measured. */
	private static final long SETTLE_MILLIS = 3_000;
	private static final long IDLE_CPU_MILLIS = 5_000;
	/** The lag measurement's rate when no drain rate is known and none was given. */
	private static final double FALLBACK_LAG_RATE = 500;

	private final BenchOptions options;
	private final PrintStream out;
	private final Map<String, Result> results = new HashMap<>();
	private final Map<String, String> charts = new LinkedHashMap<>();
	private double drainRate;
	private Profiler profiler;

	Measurements(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.profiler = Profiler.none(out);
	}

	void runAll(OwnStack own) {
		results.put("coldStart", own.coldStartResult());
		profiler = options.profiles() ? Profiler.create(out) : Profiler.none(out);
		Map<Component, Footprint.Usage> idle = Footprint.measure(own.stack());
		runAll(Target.of(own.stack()));
		Map<Component, Footprint.Usage> loaded = Footprint.measure(own.stack());
		header("6 Footprint: memory, and the cores the stack keeps busy when idle");
		Pause.millis(SETTLE_MILLIS);
		CpuTime before = CpuTime.of(own.stack());
		Pause.millis(IDLE_CPU_MILLIS);
		results.put("footprint", Footprint.result(idle, loaded, CpuTime.of(own.stack()).coresSince(before), FOOTPRINT_GOAL_MB));
	}

	void runAll(Target target) {
		String restarts = "needs a stack the bench started (it stops and starts the relay)";
		if (options.runs(Measurement.DRAIN)) {
			if (target.controlsProcesses()) {
				attempt("drain", "1 Relay drain vs JDBC insert", "drain ≥ insert", () -> {
					RelayDrain.Outcome outcome = RelayDrain.run(target, options, profiler, out);
					drainRate = outcome.drainRate();
					return outcome.result();
				});
			}
			else {
				results.put("drain", Result.skipped("drain", "1 Relay drain vs JDBC insert", "drain ≥ insert", restarts));
			}
		}
		if (options.runs(Measurement.LAG)) {
			if (target.controlsProcesses()) {
				attempt("lag", "2 Relay lag at a fixed rate", "p99 ≤ 50 ms at ½ drain rate", () -> lag(target));
			}
			else {
				results.put("lag", Result.skipped("lag", "2 Relay lag at a fixed rate", "p99 ≤ 50 ms at ½ drain rate",
						"needs a stack the bench started (it writes to order-service's outbox)"));
			}
		}
		if (options.runs(Measurement.PRODUCER)) {
			if (target.kafka() != null) {
				attempt("producer", "5 Raw Kafka producer limit", "",
						() -> ProducerLimit.run(target.kafka(), options, drainRate, out));
			}
			else {
				results.put("producer", Result.skipped("producer", "5 Raw Kafka producer limit", "", "needs --kafka"));
			}
		}
		if (options.runs(Measurement.ORDERS)) {
			header("3, 3b, 4 Orders through the gateway and straight to order-service");
			try {
				OrderLoads.Outcome outcome = OrderLoads.run(target, options, profiler, out);
				outcome.results().forEach(result -> results.put(result.id(), result));
				charts.put("latency.svg", Charts.latencyOverTime(outcome.fixedRate(), String.format(Locale.ROOT,
						"Orders at %.0f/s through the gateway: latency per second of the load", options.rate())));
			}
			catch (RuntimeException e) {
				String failure = describe(e);
				results.put("endToEnd", Result.failed("endToEnd", "3 End to end via the gateway", "", failure));
				results.putIfAbsent("fixedRate", Result.failed("fixedRate", "3b POST→APPROVED, fixed rate",
						"p99 ≤ 500 ms at 50 orders/s", failure));
				results.putIfAbsent("overhead", Result.failed("overhead", "4 Gateway overhead", "≤ 15 %", failure));
			}
		}
		if (options.runs(Measurement.OUTAGE)) {
			if (target.controlsProcesses()) {
				attempt(RelayOutage.ID, RelayOutage.TITLE, "all accepted orders complete", () -> RelayOutage.run(target, out));
			}
			else {
				results.put(RelayOutage.ID, Result.skipped(RelayOutage.ID, RelayOutage.TITLE, "all accepted orders complete",
						restarts));
			}
		}
		if (!target.controlsProcesses()) {
			String reason = "the bench started no stack";
			results.put("footprint", Result.skipped("footprint", "6 Footprint (memory)", "≤ 2.0 GB total (PSS)", reason));
			results.put("coldStart", Result.skipped("coldStart", "6 Cold start to all healthy", "≤ 30 s", reason));
		}
	}

	private Result lag(Target target) {
		boolean halfOfDrain = options.lagRate() == 0 && drainRate > 0;
		double rate = options.lagRate() > 0 ? options.lagRate() : halfOfDrain ? drainRate / 2 : FALLBACK_LAG_RATE;
		RelayLag.Outcome outcome = RelayLag.run(target, rate, halfOfDrain, options, out);
		if (!outcome.lags().isEmpty()) {
			charts.put("relay-lag.svg", Charts.histogram(outcome.lags(), String.format(Locale.ROOT,
					"Relay lag, commit → Kafka append, at %.0f rows/s", rate), "milliseconds"));
		}
		return outcome.result();
	}

	private void attempt(String id, String title, String goal, Supplier<Result> measurement) {
		header(title);
		try {
			results.put(id, measurement.get());
		}
		catch (RuntimeException e) {
			results.put(id, Result.failed(id, title, goal, describe(e)));
		}
	}

	private void header(String title) {
		out.println("== " + title);
	}

	private String describe(RuntimeException e) {
		out.println("  failed: " + e);
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	List<Result> results() {
		List<Result> ordered = new ArrayList<>();
		ORDER.stream().filter(results::containsKey).map(results::get).forEach(ordered::add);
		return ordered;
	}

	Map<String, String> charts() {
		return charts;
	}

	List<Profiler.Profile> profiles() {
		return profiler.profiles();
	}
}
