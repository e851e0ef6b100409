package dev.ftgo.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The run's headline figures under fixed keys ({@code "summary"} in report.json, for tools that compare runs),
 * each printed against its goal. A figure the run did not measure is {@code null} and "not measured".
 */
final class Summary {

	private record Figure(String key, String result, String figure, String goal, DoublePredicate met) {
	}

	private static final List<Figure> FIGURES = List.of(
			new Figure("relayVsDebeziumNoop", "drain", "relayVsDebeziumNoop", "≥ 0.8", v -> v >= 0.8),
			new Figure("relayDrainRowsPerSecond", "drain", "drainRowsPerSecond", "≥ 25000 rows/s", v -> v >= 25_000),
			new Figure("relayLagP99Millis", "lag", "lagP99Ms", "≤ 50 ms", v -> v <= 50),
			new Figure("gatewayOverhead", "overhead", "meanRatio", "≤ 1.15", v -> v <= 1.15),
			new Figure("cpuMillisPerOrder", "endToEnd", "stackCpuMsPerOrder", "≤ 20 ms", v -> v <= 20),
			new Figure("capacityOrdersPerSecond", "endToEnd", "ordersPerSecond", "", v -> true),
			new Figure("overloadGoodputRatio", Overload.ID, "goodputRatioAt2x", "≥ 0.9", v -> v >= 0.9),
			new Figure("overloadRejectP99Millis", Overload.ID, "refusalP99Ms", "≤ 50 ms", v -> v <= 50),
			new Figure("approvedP99MillisAt60PercentCapacity", "portableRate", "postToApprovedP99Ms", "", v -> true),
			new Figure("pssMegabytes", "footprint", "totalPssMb", "≤ 2048 MB", v -> v <= 2048),
			new Figure("coldStartSeconds", "coldStart", "allHealthySeconds", "≤ 30 s", v -> v <= 30));

	private Summary() {
	}

	/** Key → figure, {@code null} where the run has none. */
	static Map<String, Object> of(List<Result> results) {
		Map<String, Object> summary = new LinkedHashMap<>();
		FIGURES.forEach(figure -> summary.put(figure.key(), value(results, figure)));
		return summary;
	}

	static void print(List<Result> results, PrintStream out) {
		out.println();
		out.printf(Locale.ROOT, "%-38s %14s  %-16s %s%n", "Summary figure", "value", "goal", "");
		for (Figure figure : FIGURES) {
			Double value = value(results, figure);
			String verdict = figure.goal().isEmpty() ? "" : value == null ? "not measured"
					: figure.met().test(value) ? "met" : "missed";
			out.printf(Locale.ROOT, "%-38s %14s  %-16s %s%n", figure.key(), value == null ? "-" : format(value), figure.goal(),
					verdict);
		}
	}

	private static Double value(List<Result> results, Figure figure) {
		return results.stream().filter(result -> result.id().equals(figure.result())).findFirst()
			.map(result -> result.figures().get(figure.figure()))
			.filter(Number.class::isInstance)
			.map(number -> ((Number) number).doubleValue())
			.filter(value -> !value.isNaN())
			.orElse(null);
	}

	private static String format(double value) {
		return value == Math.rint(value) && Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}
}
