package dev.ftgo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The report's charts as plain SVG: no library, viewable in a browser and on GitHub. */
final class Charts {

	private static final int WIDTH = 760;
	private static final int HEIGHT = 360;
	private static final int LEFT = 70;
	private static final int RIGHT = 20;
	private static final int TOP = 52;
	private static final int BOTTOM = 50;
	private static final String[] COLOURS = { "#1f77b4", "#aec7e8", "#d62728", "#ff9896" };

	private Charts() {
	}

	/** p50 and p99 per second of POST latency and of POST → APPROVED, over the fixed-rate load. */
	static String latencyOverTime(List<OrderLoads.Timed> orders, String title) {
		Map<String, double[][]> series = new LinkedHashMap<>();
		series.put("POST p50", perSecond(orders, OrderLoads.Timed::postMs, 50));
		series.put("POST p99", perSecond(orders, OrderLoads.Timed::postMs, 99));
		series.put("POST→APPROVED p50", perSecond(orders, OrderLoads.Timed::approvedMs, 50));
		series.put("POST→APPROVED p99", perSecond(orders, OrderLoads.Timed::approvedMs, 99));
		double maxX = niceCeiling(Math.max(1, orders.stream().mapToDouble(OrderLoads.Timed::offsetSeconds).max().orElse(1)));
		double maxY = series.values().stream().flatMap(Arrays::stream).mapToDouble(point -> point[1]).max().orElse(1);
		StringBuilder svg = open(title);
		axes(svg, maxX, "seconds into the load", niceCeiling(maxY), "milliseconds");
		int colour = 0;
		for (Map.Entry<String, double[][]> line : series.entrySet()) {
			StringBuilder points = new StringBuilder();
			for (double[] point : line.getValue()) {
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point[0], maxX), y(point[1], niceCeiling(maxY))));
			}
			svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
					COLOURS[colour], points.toString().trim()));
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
					+ "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", LEFT + 10 + colour * 165, TOP - 20, COLOURS[colour],
					LEFT + 26 + colour * 165, TOP - 15, escape(line.getKey())));
			colour++;
		}
		return svg.append("</svg>\n").toString();
	}

	/** How many values fall in each of about 40 bins up to the 99.9th percentile; the last bin holds the rest. */
	static String histogram(Distribution values, String title, String unit) {
		double top = niceCeiling(Math.max(1, values.percentile(99.9)));
		int bins = 40;
		double width = top / bins;
		int[] counts = new int[bins];
		for (double value : values.values()) {
			counts[Math.min(bins - 1, (int) (value / width))]++;
		}
		int highest = 1;
		for (int count : counts) {
			highest = Math.max(highest, count);
		}
		double maxY = niceCeiling(highest);
		StringBuilder svg = open(title);
		axes(svg, top, unit + " (last bar: ≥ " + format(top - width) + ")", maxY, "records");
		double barWidth = (WIDTH - LEFT - RIGHT) / (double) bins;
		for (int bin = 0; bin < bins; bin++) {
			double barTop = y(counts[bin], maxY);
			svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
					LEFT + bin * barWidth + 1, barTop, barWidth - 2, HEIGHT - BOTTOM - barTop, COLOURS[0]));
		}
		return svg.append("</svg>\n").toString();
	}

	private static double[][] perSecond(List<OrderLoads.Timed> orders, ToDoubleFunction<OrderLoads.Timed> field, double percentile) {
		Map<Integer, List<Double>> buckets = new TreeMap<>();
		for (OrderLoads.Timed order : orders) {
			double value = field.applyAsDouble(order);
			if (!Double.isNaN(value)) {
				buckets.computeIfAbsent((int) order.offsetSeconds(), ignored -> new ArrayList<>()).add(value);
			}
		}
		return buckets.entrySet().stream()
				.map(bucket -> new double[] { bucket.getKey() + 0.5, Distribution.of(bucket.getValue()).percentile(percentile) })
				.toArray(double[][]::new);
	}

	private static StringBuilder open(String title) {
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", WIDTH, HEIGHT + 10, WIDTH, HEIGHT + 10));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
				LEFT, escape(title)));
		return svg;
	}

	private static void axes(StringBuilder svg, double maxX, String xLabel, double maxY, String yLabel) {
		int bottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, bottom,
				WIDTH - RIGHT, bottom));
		svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT,
				bottom));
		double xStep = niceStep(maxX / 8);
		for (double tick = 0; tick <= maxX + 1e-9; tick += xStep) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
					x(tick, maxX), bottom + 16, format(tick)));
		}
		double yStep = niceStep(maxY / 5);
		for (double tick = 0; tick <= maxY + 1e-9; tick += yStep) {
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
					+ "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n", LEFT, y(tick, maxY),
					WIDTH - RIGHT, y(tick, maxY), LEFT - 6, y(tick, maxY) + 4, format(tick)));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>%n",
				(LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(xLabel)));
		svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
				+ "transform=\"rotate(-90 14 %d)\">%s</text>%n", (TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
	}

	private static double x(double value, double maxX) {
		return LEFT + value / maxX * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double value, double maxY) {
		return HEIGHT - BOTTOM - Math.min(value, maxY) / maxY * (HEIGHT - BOTTOM - TOP);
	}

	/** 1, 2 or 5 times a power of ten, at least {@code rough}. */
	private static double niceStep(double rough) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
		double fraction = rough / magnitude;
		return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
	}

	private static double niceCeiling(double value) {
		double step = niceStep(value / 5);
		return Math.max(step, Math.ceil(value / step) * step);
	}

	private static String format(double value) {
		return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
