package dev.ftgo.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measurement 7: more orders than the stack can carry, then less. Open-loop load through the gateway at
 * 1.5× and 2× the capacity measured at the closed loop's concurrency, then half the capacity, with no gap
 * between the steps. A stack that degrades gracefully keeps its goodput near capacity, refuses the excess
 * fast (503 or 429 with Retry-After) instead of letting it queue, answers what it accepts about as fast as
 * at capacity, and serves fully again soon after the overload ends.
 */
final class Overload {

	static final String ID = "overload";
	static final String TITLE = "7 Overload, then recovery";
	private static final double[] FACTORS = { 1.5, 2.0 };
	private static final double RECOVERY_FACTOR = 0.5;
	private static final int OUTCOME_WAIT_SECONDS = 60;

	private Overload() {
	}

	/**
	 * @param capacity orders/s through the gateway at the closed loop's concurrency
	 * @param p99AtCapacity the POST p99 (ms) of that closed loop
	 */
	static Result run(URI gateway, GatewayRefusals gatewayView, OrderFixtures fixtures, Approvals approvals, double capacity,
			double p99AtCapacity, Duration step, PrintStream out) {
		List<HttpLoad.Phase> phases = new ArrayList<>();
		for (double factor : FACTORS) {
			phases.add(new HttpLoad.Phase(capacity * factor, step));
		}
		Duration recoveryStep = step.dividedBy(2);
		phases.add(new HttpLoad.Phase(capacity * RECOVERY_FACTOR, recoveryStep));
		out.printf(Locale.ROOT, "  overload through the gateway: %.0f orders/s (1.5×) and %.0f orders/s (2×) for %d s each,"
				+ " then %.0f orders/s (½×) for %d s%n", capacity * FACTORS[0], capacity * FACTORS[1], step.toSeconds(),
				capacity * RECOVERY_FACTOR, recoveryStep.toSeconds());
		HttpLoad load = new HttpLoad(gateway, fixtures);
		GatewayRefusals.Reading before = gatewayView.read();
		long[] benchGcBefore = benchCollections();
		List<HttpLoad.Sample> samples = load.schedule(phases);
		long[] benchGcAfter = benchCollections();
		GatewayRefusals.Reading after = gatewayView.read();
		double gatewayP50 = after.percentileMillisSince(before, 50);
		double gatewayP99 = after.percentileMillisSince(before, 99);
		long lost = approvals == null ? -1 : approvals.await(samples.stream().map(HttpLoad.Sample::orderId)
			.filter(Objects::nonNull).toList(), OUTCOME_WAIT_SECONDS);

		Map<String, Object> figures = Result.newFigures();
		figures.put("capacityOrdersPerSecond", Distribution.round(capacity));
		figures.put("capacityPostP99Ms", Distribution.round(p99AtCapacity));
		List<String> steps = new ArrayList<>();
		double from = 0;
		List<HttpLoad.Sample> overloaded = new ArrayList<>();
		double goodputAtTwice = Double.NaN;
		for (int i = 0; i < FACTORS.length; i++) {
			double to = from + step.toMillis() / 1000.0;
			List<HttpLoad.Sample> inStep = between(samples, from, to);
			overloaded.addAll(inStep);
			double goodput = accepted(inStep).count() / (to - from);
			String key = i == 0 ? "at1_5x" : "at2x";
			figures.put(key + "OfferedPerSecond", Distribution.round(capacity * FACTORS[i]));
			figures.put(key + "GoodputPerSecond", Distribution.round(goodput));
			figures.put(key + "Statuses", HttpLoad.statuses(inStep));
			steps.add(String.format(Locale.ROOT, "%.1f× → %.1f orders/s (%.2f of capacity)", FACTORS[i], goodput, goodput / capacity));
			if (FACTORS[i] == 2.0) {
				goodputAtTwice = goodput;
			}
			from = to;
		}
		Distribution accepted = accepted(overloaded);
		Distribution refused = refused(overloaded);
		long failed = overloaded.stream().filter(sample -> !isAccepted(sample) && !isRefusal(sample)).count();
		long unexplained = overloaded.stream().filter(sample -> isRefusal(sample) && !sample.retryAfter()).count();
		List<HttpLoad.Sample> recovery = between(samples, from, Double.MAX_VALUE);
		double recoverySeconds = recoverySeconds(recovery, from, 2 * p99AtCapacity);
		double goodputRatio = goodputAtTwice / capacity;

		figures.put("goodputRatioAt2x", Math.round(goodputRatio * 100) / 100.0);
		figures.putAll(accepted.figures("acceptedPost"));
		figures.putAll(refused.figures("refusal"));
		figures.put("refusalInGatewayP50AtMostMs", Double.isFinite(gatewayP50) ? Distribution.round(gatewayP50) : null);
		figures.put("refusalInGatewayP99AtMostMs", Double.isFinite(gatewayP99) ? Distribution.round(gatewayP99) : null);
		GatewayRefusals.PausesInWindow gatewayPauses = after.pausesSince(before);
		figures.put("gatewayGcPauses", gatewayPauses.count());
		figures.put("gatewayGcMillis", Distribution.round(gatewayPauses.millis()));
		figures.put("gatewayGcLongestAtMostMs", Distribution.round(gatewayPauses.longestAtMostMillis()));
		figures.put("benchGcPauses", benchGcAfter[0] - benchGcBefore[0]);
		figures.put("benchGcMillis", benchGcAfter[1] - benchGcBefore[1]);
		figures.put("otherFailures", failed);
		figures.put("refusalsWithoutRetryAfter", unexplained);
		figures.put("recoveryStatuses", HttpLoad.statuses(recovery));
		figures.put("recoverySeconds", Distribution.round(recoverySeconds));
		figures.put("acceptedWithoutOutcome", lost);
		figures.put("errorExamples", load.errorExamples());

		boolean met = goodputRatio >= 0.9 && (refused.isEmpty() || refused.percentile(99) <= 50)
				&& accepted.percentile(99) <= 2 * p99AtCapacity && failed == 0 && unexplained == 0 && recoverySeconds <= 5;
		String inGateway = Double.isFinite(gatewayP99) ? String.format(Locale.ROOT,
				" (inside the gateway's web handler: p50 ≤ %.0f, p99 ≤ %.0f ms)", gatewayP50, gatewayP99) : "";
		String collections = String.format(Locale.ROOT, "; garbage collection meanwhile: the gateway %s; the bench's own JVM"
				+ " %d pauses, %d ms in all", gatewayPauses, benchGcAfter[0] - benchGcBefore[0], benchGcAfter[1] - benchGcBefore[1]);
		String summary = String.format(Locale.ROOT, "capacity %.1f orders/s (p99 %.0f ms); %s; refused %d (%d without Retry-After), p99 %.0f ms%s;"
						+ " accepted p99 %.0f ms; other failures %d; full service %.1f s after the overload%s%s",
				capacity, p99AtCapacity, String.join(", ", steps), refused.count(), unexplained, refused.percentile(99),
				inGateway, accepted.percentile(99), failed, recoverySeconds, collections,
				lost < 0 ? "" : lost == 0 ? "; every accepted order completed" : "; " + lost + " accepted orders had no outcome");
		return new Result(ID, TITLE, summary, figures,
				Result.Goal.of("goodput ≥ 0.9, refusals p99 ≤ 50 ms, accepted p99 ≤ 2× at capacity, recovery ≤ 5 s", met),
				"open loop through the gateway at 1.5× and 2× the orders/s of measurement 3 (" + step.toSeconds() + " s each),"
						+ " then ½× for " + recoveryStep.toSeconds() + " s; goodput = orders created per second of a step;"
						+ " refusals = 503 and 429 answers; other failures = any other status or no answer; full service ="
						+ " from the end of the overload to the last order of the ½× step that was not created within twice"
						+ " the capacity p99 (0 when none); inside the gateway's web handler: the gateway's own http.server.requests"
						+ " histogram of the refused POSTs over the overload (bucket bounds, so upper bounds), from when its"
						+ " handler got a request to its answer: the rest of a refusal's time the client saw went to the connection,"
						+ " the event loop's queue and the client's own threads; garbage collection: the gateway's jvm.gc.pause"
						+ " over the overload (its longest from Micrometer's window of the last minutes) and the bench JVM's own"
						+ " collectors, either of which stops the requests in it");
	}

	/** The bench JVM's collections so far: their number and their total time (ms). */
	private static long[] benchCollections() {
		long[] collections = new long[2];
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collections[0] += Math.max(0, collector.getCollectionCount());
			collections[1] += Math.max(0, collector.getCollectionTime());
		}
		return collections;
	}

	/** Seconds from {@code start} to the last order that was refused, failed or slow; 0 when every order was served. */
	private static double recoverySeconds(List<HttpLoad.Sample> recovery, double start, double slowMs) {
		return recovery.stream().filter(sample -> !isAccepted(sample) || sample.latencyMs() > slowMs)
			.mapToDouble(sample -> sample.offsetSeconds() - start + sample.latencyMs() / 1000).max().orElse(0);
	}

	private static List<HttpLoad.Sample> between(List<HttpLoad.Sample> samples, double from, double to) {
		return samples.stream().filter(sample -> sample.offsetSeconds() >= from && sample.offsetSeconds() < to).toList();
	}

	private static Distribution accepted(List<HttpLoad.Sample> samples) {
		return Distribution.of(samples.stream().filter(Overload::isAccepted).map(HttpLoad.Sample::latencyMs).toList());
	}

	private static Distribution refused(List<HttpLoad.Sample> samples) {
		return Distribution.of(samples.stream().filter(Overload::isRefusal).map(HttpLoad.Sample::latencyMs).toList());
	}

	private static boolean isAccepted(HttpLoad.Sample sample) {
		return sample.status() == 201;
	}

	private static boolean isRefusal(HttpLoad.Sample sample) {
		return sample.status() == 503 || sample.status() == 429;
	}
}
