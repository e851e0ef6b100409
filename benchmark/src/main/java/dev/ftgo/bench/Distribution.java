package dev.ftgo.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles (nearest rank) of a set of values, e.g. latencies in milliseconds. */
final class Distribution {

	private final double[] sorted;

	private Distribution(double[] values) {
		this.sorted = values.clone();
		Arrays.sort(sorted);
	}

	static Distribution of(Collection<Double> values) {
		return new Distribution(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	static Distribution of(double[] values) {
		return new Distribution(values);
	}

	int count() {
		return sorted.length;
	}

	boolean isEmpty() {
		return sorted.length == 0;
	}

	/** The smallest value with at least {@code percentile} % of the values at or below it; NaN when empty. */
	double percentile(double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
	}

	double max() {
		return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
	}

	double mean() {
		return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN);
	}

	/** The values, smallest first. */
	double[] values() {
		return sorted.clone();
	}

	/** p50, p95, p99 and max, keyed {@code <prefix>P50Ms} and so on, rounded to 0.1. */
	Map<String, Object> figures(String prefix) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put(prefix + "P50Ms", round(percentile(50)));
		figures.put(prefix + "P95Ms", round(percentile(95)));
		figures.put(prefix + "P99Ms", round(percentile(99)));
		figures.put(prefix + "MaxMs", round(max()));
		figures.put(prefix + "Count", count());
		return figures;
	}

	static double round(double value) {
		return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
	}
}
