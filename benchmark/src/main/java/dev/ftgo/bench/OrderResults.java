package dev.ftgo.bench;

import java.util.Locale;
import java.util.Map;

import dev.ftgo.devstack.Component;

/** The result rows of the order loads (measurements 3, 3b and 4). */
final class OrderResults {

	private static final double APPROVAL_GOAL_RATE = 50;

	private final BenchOptions options;
	private final Approvals approvals;
	private final int consumers;

	/**
	 * @param approvals {@code order.events}, or null when the broker is out of reach
	 * @param consumers how many consumers (each a client of its own to the gateway's rate limit) the orders go over
	 */
	OrderResults(BenchOptions options, Approvals approvals, int consumers) {
		this.options = options;
		this.approvals = approvals;
		this.consumers = consumers;
	}

	Result endToEnd(LoadRun run) {
		Distribution post = run.postLatencies();
		Distribution approved = run.approvalLatencies(approvals);
		Map<String, Object> figures = spreadLoadFigures("concurrency", options.concurrency(), run, post, approved);
		figures.put("stackCpuMsPerOrder", run.stackCpuMsPerOrder());
		figures.put("errorExamples", run.errorExamples());
		String summary = String.format(Locale.ROOT, "%.1f orders/s at %d clients; POST p50 %.0f / p99 %.0f ms; "
						+ "POST→APPROVED p50 %.0f / p99 %.0f ms%s%s", run.ordersPerSecond(), options.concurrency(),
				post.percentile(50), post.percentile(99), approved.percentile(50), approved.percentile(99), run.failures(),
				run.busiest());
		return new Result("endToEnd", "3 End to end via the gateway", summary, figures, Result.Goal.NONE,
				"POST latency of 201 answers; POST→APPROVED from sending the POST to the OrderApproved record's timestamp"
						+ " on order.events" + (approvals == null ? " (not measured: needs --kafka)" : "") + spread());
	}

	Result fixedRate(LoadRun run) {
		Distribution post = run.postLatencies();
		Distribution approved = run.approvalLatencies(approvals);
		Map<String, Object> figures = spreadLoadFigures("targetOrdersPerSecond", options.rate(), run, post, approved);
		figures.put("errorExamples", run.errorExamples());
		String goal = "p99 ≤ 500 ms at 50 orders/s";
		Result.Goal verdict = approved.isEmpty() || options.rate() != APPROVAL_GOAL_RATE
				? new Result.Goal(goal, Result.Status.NOT_MEASURED)
				: Result.Goal.of(goal, approved.percentile(99) <= 500 && approved.count() == run.samples().size());
		String summary = String.format(Locale.ROOT, "%.0f orders/s: POST p50 %.0f / p99 %.0f ms; POST→APPROVED p50 %.0f / p99 %.0f ms%s%s",
				options.rate(), post.percentile(50), post.percentile(99), approved.percentile(50), approved.percentile(99),
				run.failures(), run.busiest());
		return new Result("fixedRate", "3b POST→APPROVED, fixed rate", summary, figures, verdict,
				"open loop: each order is sent when due whatever the answers, latencies count from that moment" + spread());
	}

	/** The fixed-rate load at a share of the measured capacity: the same point of the curve on any machine. */
	Result atShareOfCapacity(LoadRun run, double share, double capacity) {
		Distribution post = run.postLatencies();
		Distribution approved = run.approvalLatencies(approvals);
		Map<String, Object> figures = Result.newFigures();
		figures.put("share", share);
		figures.put("targetOrdersPerSecond", Distribution.round(share * capacity));
		putLatencies(figures, run, post, approved);
		figures.put("errorExamples", run.errorExamples());
		String summary = String.format(Locale.ROOT, "%.1f orders/s (%.0f %% of %.1f): POST p50 %.0f / p99 %.0f ms;"
						+ " POST→APPROVED p50 %.0f / p99 %.0f ms%s", share * capacity, share * 100, capacity, post.percentile(50),
				post.percentile(99), approved.percentile(50), approved.percentile(99), run.failures());
		return new Result("portableRate", "3c POST→APPROVED at 60 % of capacity", summary, figures, Result.Goal.NONE,
				"open loop through the gateway at a share of the orders/s of measurement 3, so that the figure means the same"
						+ " on any machine" + spread());
	}

	/** The figures of a load over the consumers (3 and 3b): what sets the load, the consumers, latencies and cores. */
	private Map<String, Object> spreadLoadFigures(String loadKey, Object load, LoadRun run, Distribution post,
			Distribution approved) {
		Map<String, Object> figures = Result.newFigures();
		figures.put(loadKey, load);
		figures.put("consumers", consumers);
		putLatencies(figures, run, post, approved);
		figures.put("cores", run.cores());
		return figures;
	}

	/** The figures every order load reports, in the same order in each row: throughput, latencies, statuses. */
	private static void putLatencies(Map<String, Object> figures, LoadRun run, Distribution post, Distribution approved) {
		figures.put("ordersPerSecond", Distribution.round(run.ordersPerSecond()));
		figures.putAll(post.figures("post"));
		figures.putAll(approved.figures("postToApproved"));
		figures.put("statuses", HttpLoad.statuses(run.samples()));
	}

	/** How the load meets the gateway's per-client rate limit, for the notes of each order load. */
	private String spread() {
		return "; orders round-robin over " + consumers + " consumers, each sending its own token, so the gateway's"
				+ " per-client rate limit (50 requests/s by default) runs on every request yet stays out of the way"
				+ " (a 429 would show among the statuses)";
	}

	/**
	 * The gateway's overhead at saturation (the closed loops, where it is judged) and at a light load (the
	 * fixed-rate loads), with the CPU each path cost the stack per order.
	 */
	Result overhead(LoadRun gateway, LoadRun direct, LoadRun lightGateway, LoadRun lightDirect, int rounds) {
		Distribution viaGateway = gateway.postLatencies();
		Distribution straight = direct.postLatencies();
		if (straight.count() == 0 || viaGateway.count() == 0) {
			// a ratio of nothing would read as 0, an overhead "met": e.g. --order-service naming another port
			return Result.failed("overhead", "4 Gateway overhead", "≤ 15 %", String.format(Locale.ROOT,
					"no order was created %s (statuses straight to order-service %s, via the gateway %s)",
					straight.count() == 0 ? "straight to order-service" : "via the gateway",
					HttpLoad.statuses(direct.samples()), HttpLoad.statuses(gateway.samples())));
		}
		// in a closed loop the mean latency is concurrency / throughput, so this is also the throughput cost
		double overhead = viaGateway.mean() / straight.mean() - 1;
		Distribution lightVia = lightGateway.postLatencies();
		Distribution lightStraight = lightDirect.postLatencies();
		Map<String, Object> figures = Result.newFigures();
		figures.put("directOrdersPerSecond", Distribution.round(direct.ordersPerSecond()));
		figures.putAll(straight.figures("directPost"));
		figures.put("gatewayMeanMs", Distribution.round(viaGateway.mean()));
		figures.put("directMeanMs", Distribution.round(straight.mean()));
		figures.put("overheadPercent", Distribution.round(overhead * 100));
		figures.put("meanRatio", Math.round(viaGateway.mean() / straight.mean() * 100) / 100.0);
		figures.put("p50Ratio", Math.round(viaGateway.percentile(50) / straight.percentile(50) * 100) / 100.0);
		figures.put("fixedRateGatewayPostP50Ms", Distribution.round(lightVia.percentile(50)));
		figures.put("fixedRateDirectPostP50Ms", Distribution.round(lightStraight.percentile(50)));
		figures.put("fixedRateGatewayPostMeanMs", Distribution.round(lightVia.mean()));
		figures.put("fixedRateDirectPostMeanMs", Distribution.round(lightStraight.mean()));
		figures.put("statuses", HttpLoad.statuses(direct.samples()));
		figures.put("cores", direct.cores());
		figures.put("stackCpuMsPerOrder", direct.stackCpuMsPerOrder());
		figures.put("gatewayStackCpuMsPerOrder", gateway.stackCpuMsPerOrder());
		figures.put("errorExamples", direct.errorExamples());
		Double gatewayCores = gateway.cores().get(Component.API_GATEWAY.id());
		String summary = String.format(Locale.ROOT, "+%.0f %% at %d clients (mean %.1f vs %.1f ms direct; direct %.1f orders/s,"
						+ " p50 %.0f / p99 %.0f ms%s); at %.0f orders/s POST p50 %.1f vs %.1f ms, mean %+.0f %%%s",
				overhead * 100, options.concurrency(), viaGateway.mean(), straight.mean(), direct.ordersPerSecond(),
				straight.percentile(50), straight.percentile(99), direct.failures(), options.rate(), lightVia.percentile(50),
				lightStraight.percentile(50), (lightVia.mean() / lightStraight.mean() - 1) * 100,
				gatewayCores == null ? "" : String.format(Locale.ROOT, "; stack CPU per order %.1f ms via the gateway"
						+ " (the gateway's own %.1f) vs %.1f ms direct", gateway.stackCpuMsPerOrder(),
						gatewayCores * gateway.seconds() * 1000 / viaGateway.count(), direct.stackCpuMsPerOrder()));
		return new Result("overhead", "4 Gateway overhead", summary, figures, Result.Goal.of("≤ 15 %", overhead <= 0.15),
				"the closed loop of measurement 3 sent to order-service's own port, in " + rounds + " rounds alternating with"
						+ " the gateway's after both were warmed up; overhead = mean latency via the gateway / mean latency"
						+ " direct - 1 (equal to the throughput lost at this concurrency); also the fixed-rate load of 3b sent"
						+ " straight to order-service, for the overhead at a light load; stack CPU per order: CPU time of the"
						+ " stack's processes during the closed loops / orders created");
	}
}
