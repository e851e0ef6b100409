package dev.ftgo.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.ftgo.devstack.Component;

/**
 * Measurements 3 and 4: {@code POST /api/v1/orders} at a fixed concurrency through the gateway and
 * straight to order-service in alternating rounds, then at a fixed rate through the gateway (for the
 * POST → APPROVED goal) and straight to order-service. Each load waits for its orders' outcomes on
 * {@code order.events} before the next one starts, so no load inherits the previous one's backlog. An instance
 * is one run: where the stack is, the options and the terminal.
 */
record OrderLoads(Target target, BenchOptions options, Profiler profiler, PrintStream out) {

	private static final int OUTCOME_WAIT_SECONDS = 60;
	/**
	 * The closed loops alternate between the gateway and order-service in this many rounds, so that neither
	 * path gets the warmer JIT or the quieter neighbours on a shared machine.
	 */
	private static final int ROUNDS = 3;
	/** The share of the measured capacity of the portable fixed-rate step: the same figure on any machine. */
	private static final double PORTABLE_SHARE = 0.6;
	/** Profiled during the closed loops (the services an order passes through), and the gateway under overload. */
	private static final List<Component> UNDER_LOAD = List.of(Component.API_GATEWAY, Component.ORDER_SERVICE,
			Component.CONSUMER_SERVICE, Component.KITCHEN_SERVICE);
	private static final List<Component> UNDER_OVERLOAD = List.of(Component.API_GATEWAY, Component.ORDER_SERVICE);

	/** One order of the fixed-rate load, for the chart: POST → APPROVED is NaN when it never came. */
	record Timed(double offsetSeconds, double postMs, double approvedMs) {
	}

	record Outcome(List<Result> results, List<Timed> fixedRate) {
	}

	static Outcome run(Target target, BenchOptions options, Profiler profiler, PrintStream out) {
		return new OrderLoads(target, options, profiler, out).run();
	}

	private Outcome run() {
		// the overload step offers up to twice the capacity, which is not known yet: enough consumers for the
		// highest of the two that a machine of this size reaches (OrderFixtures keeps each far below its limit)
		OrderFixtures fixtures = OrderFixtures.create(target.gateway(), target.tokens(), Math.max(options.rate(), 300));
		out.printf(Locale.ROOT, "  rate limit: orders spread round-robin over %d consumers, each with its own token; the"
				+ " gateway limits each client (by default 50 requests/s), so the limit stays out of the way (a 429 would"
				+ " count as not 201)%n", fixtures.consumers());
		try (Approvals approvals = target.kafka() == null ? null : new Approvals(target.kafka())) {
			List<Result> results = new ArrayList<>();

			HttpLoad viaGateway = new HttpLoad(target.gateway(), fixtures);
			HttpLoad direct = target.orderService() == null ? null : new HttpLoad(target.orderService(), fixtures);
			warmUp("the gateway", viaGateway, approvals);
			if (direct != null) {
				warmUp("order-service directly", direct, approvals);
			}
			int rounds = direct == null ? 1 : ROUNDS;
			Duration round = Duration.ofMillis(options.seconds() * 1000L / rounds);
			out.printf(Locale.ROOT, "  %d clients for %d s through the gateway%s%n", options.concurrency(), options.seconds(),
					direct == null ? "" : " and as long straight to order-service, in " + rounds + " alternating rounds");
			List<LoadRun> gatewayRounds = new ArrayList<>();
			List<LoadRun> directRounds = new ArrayList<>();
			// the profiler's cost falls on both paths alike, so it leaves the overhead's ratio alone
			profiler.during(target, UNDER_LOAD, "orders", () -> {
				for (int i = 0; i < rounds; i++) {
					gatewayRounds.add(measure(viaGateway, round, approvals));
					if (direct != null) {
						directRounds.add(measure(direct, round, approvals));
					}
				}
				return gatewayRounds;
			});
			LoadRun gateway = LoadRun.combine(gatewayRounds);
			OrderResults rows = new OrderResults(options, approvals, fixtures.consumers());
			results.add(rows.endToEnd(gateway));

			LoadRun fixed = openLoop("the gateway", target.gateway(), fixtures, approvals, options.rate());
			results.add(rows.fixedRate(fixed));
			if (direct == null) {
				results.add(Result.skipped("overhead", "4 Gateway overhead", "≤ 15 %", "needs --order-service"));
			}
			else {
				LoadRun fixedDirect = openLoop("order-service directly", target.orderService(), fixtures, approvals,
						options.rate());
				results.add(rows.overhead(gateway, LoadRun.combine(directRounds), fixed, fixedDirect, rounds));
			}
			double capacity = gateway.ordersPerSecond();
			double p99AtCapacity = gateway.postLatencies().percentile(99);
			if (capacity > 0) {
				LoadRun portable = openLoop("the gateway", target.gateway(), fixtures, approvals, capacity * PORTABLE_SHARE);
				results.add(rows.atShareOfCapacity(portable, PORTABLE_SHARE, capacity));
				GatewayRefusals gatewayView = new GatewayRefusals(target.gateway(), target.tokens());
				results.add(profiler.during(target, UNDER_OVERLOAD, "overload", () -> Overload.run(target.gateway(), gatewayView,
						fixtures, approvals, capacity, p99AtCapacity, Duration.ofSeconds(options.seconds()), out)));
			}
			List<Timed> timed = fixed.samples().stream().filter(sample -> sample.status() == 201)
					.map(sample -> new Timed(sample.offsetSeconds(), sample.latencyMs(), LoadRun.approvedMs(sample, approvals)))
					.toList();
			return new Outcome(results, timed);
		}
	}

	private LoadRun openLoop(String via, URI base, OrderFixtures fixtures, Approvals approvals, double rate) {
		out.printf(Locale.ROOT, "  %.0f orders/s through %s for %d s%n", rate, via, options.seconds());
		HttpLoad load = new HttpLoad(base, fixtures);
		CpuTime before = target.controlsProcesses() ? CpuTime.of(target.stack()) : null;
		List<HttpLoad.Sample> samples = load.fixedRate(rate, Duration.ofSeconds(options.seconds()));
		Map<String, Double> cores = before == null ? Map.of() : CpuTime.of(target.stack()).coresSince(before);
		awaitOutcomes(samples, approvals);
		return new LoadRun(samples, options.seconds(), cores, load.errorExamples());
	}

	private void warmUp(String via, HttpLoad load, Approvals approvals) {
		if (options.warmupSeconds() > 0) {
			out.printf(Locale.ROOT, "  warming up through %s for %d s%n", via, options.warmupSeconds());
			awaitOutcomes(load.closedLoop(options.concurrency(), Duration.ofSeconds(options.warmupSeconds())), approvals);
		}
	}

	/** One closed-loop round; its orders' outcomes are awaited after the clock stopped, so the next round starts clean. */
	private LoadRun measure(HttpLoad load, Duration duration, Approvals approvals) {
		CpuTime before = target.controlsProcesses() ? CpuTime.of(target.stack()) : null;
		List<HttpLoad.Sample> samples = load.closedLoop(options.concurrency(), duration);
		Map<String, Double> cores = before == null ? Map.of() : CpuTime.of(target.stack()).coresSince(before);
		awaitOutcomes(samples, approvals);
		return new LoadRun(samples, duration.toMillis() / 1000.0, cores, load.errorExamples());
	}

	private void awaitOutcomes(List<HttpLoad.Sample> samples, Approvals approvals) {
		if (approvals != null) {
			long pending = approvals.await(samples.stream().map(HttpLoad.Sample::orderId).filter(Objects::nonNull).toList(),
					OUTCOME_WAIT_SECONDS);
			if (pending > 0) {
				out.printf(Locale.ROOT, "  %d orders had no outcome on %s after %d s%n", pending, Approvals.TOPIC,
						OUTCOME_WAIT_SECONDS);
			}
		}
	}
}
