package dev.ftgo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured order load: its samples, how long it ran, the cores each process kept busy meanwhile
 * (empty without a stack of the bench's own) and the first answer of each failing status.
 */
record LoadRun(List<HttpLoad.Sample> samples, double seconds, Map<String, Double> cores,
		Map<Integer, String> errorExamples) {

	/** Rounds of the same load as one: samples together, cores weighted by each round's length. */
	static LoadRun combine(List<LoadRun> rounds) {
		double seconds = rounds.stream().mapToDouble(LoadRun::seconds).sum();
		Map<String, Double> cores = new LinkedHashMap<>();
		rounds.forEach(round -> round.cores().forEach((name, busy) -> cores.merge(name, busy * round.seconds() / seconds,
				Double::sum)));
		cores.replaceAll((name, busy) -> Math.round(busy * 100) / 100.0);
		Map<Integer, String> errors = new TreeMap<>();
		rounds.forEach(round -> round.errorExamples().forEach(errors::putIfAbsent));
		return new LoadRun(rounds.stream().flatMap(round -> round.samples().stream()).toList(), seconds, cores, errors);
	}

	/** Latencies of the POSTs answered 201. */
	Distribution postLatencies() {
		return Distribution.of(samples.stream().filter(sample -> sample.status() == 201).map(HttpLoad.Sample::latencyMs).toList());
	}

	/** POST → OrderApproved of the approved orders; empty without {@code order.events}. */
	Distribution approvalLatencies(Approvals approvals) {
		if (approvals == null) {
			return Distribution.of(new double[0]);
		}
		return Distribution.of(samples.stream().map(sample -> approvedMs(sample, approvals)).filter(ms -> !ms.isNaN()).toList());
	}

	double ordersPerSecond() {
		return postLatencies().count() / seconds;
	}

	/** CPU milliseconds the stack's processes spent per created order; NaN without a stack of the bench's own. */
	double stackCpuMsPerOrder() {
		long created = samples.stream().filter(sample -> sample.status() == 201).count();
		double busy = cores.entrySet().stream().filter(entry -> !entry.getKey().equals(CpuTime.BENCH)
				&& !entry.getKey().equals(CpuTime.OTHERS)).mapToDouble(Map.Entry::getValue).sum();
		return cores.isEmpty() || created == 0 ? Double.NaN : Distribution.round(busy * seconds * 1000 / created);
	}

	/** {@code "; 3 not 201: {201=1497, 503=3}"}, or nothing when every POST created its order. */
	String failures() {
		long failed = samples.stream().filter(sample -> sample.status() != 201).count();
		return failed == 0 ? "" : String.format(Locale.ROOT, "; %d not 201: %s", failed, HttpLoad.statuses(samples));
	}

	/** {@code "; cores busy: order-service 0.41, ..."}, or nothing without a stack of the bench's own. */
	String busiest() {
		return cores.isEmpty() ? "" : "; cores busy: " + CpuTime.busiest(cores, 4);
	}

	static double approvedMs(HttpLoad.Sample sample, Approvals approvals) {
		Approvals.Outcome outcome = approvals == null || sample.orderId() == null ? null : approvals.of(sample.orderId());
		return outcome == null || !outcome.approved() ? Double.NaN : outcome.timestampMillis() - sample.sentAtMillis();
	}
}
