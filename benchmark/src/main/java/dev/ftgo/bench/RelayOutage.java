package dev.ftgo.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * Measurement 8: the relay down for a while under steady load. Orders are accepted all along (each service
 * writes its messages to its own outbox table); the outboxes grow, and once the relay is back they drain and
 * every order completes. Reports the rows each outbox held at most, and how long the relay took to catch up.
 */
final class RelayOutage {

	static final String ID = "outage";
	static final String TITLE = "8 Relay outage under load";
	static final double RATE = 20;
	static final Duration OUTAGE = Duration.ofSeconds(60);
	private static final List<Component> SERVICES = List.of(Component.CONSUMER_SERVICE, Component.ORDER_SERVICE,
			Component.KITCHEN_SERVICE);
	private static final int OUTCOME_WAIT_SECONDS = 120;

	private RelayOutage() {
	}

	static Result run(Target target, PrintStream out) {
		try (Approvals approvals = new Approvals(target.kafka())) {
			return run(target, OrderFixtures.create(target.gateway(), target.tokens(), RATE), approvals, out);
		}
	}

	private static Result run(Target target, OrderFixtures fixtures, Approvals approvals, PrintStream out) {
		Stack stack = target.stack();
		out.printf(Locale.ROOT, "  cdc-relay stopped; %.0f orders/s through the gateway for %d s%n", RATE, OUTAGE.toSeconds());
		stack.stop(Component.CDC_RELAY);
		Map<Component, Long> peak = new LinkedHashMap<>();
		HttpLoad load = new HttpLoad(target.gateway(), fixtures);
		CompletableFuture<List<HttpLoad.Sample>> sending = CompletableFuture.supplyAsync(
				() -> load.schedule(List.of(new HttpLoad.Phase(RATE, OUTAGE))));
		while (!sending.isDone()) {
			outboxRows(stack).forEach((service, rows) -> peak.merge(service, rows, Math::max));
			Pause.millis(1000);
		}
		List<HttpLoad.Sample> samples = sending.join();
		outboxRows(stack).forEach((service, rows) -> peak.merge(service, rows, Math::max));
		out.println("  outbox rows at most: " + peak + "; starting cdc-relay");

		long restarted = System.nanoTime();
		stack.start(Component.CDC_RELAY);
		List<String> accepted = samples.stream().map(HttpLoad.Sample::orderId).filter(Objects::nonNull).toList();
		long pending = approvals.await(accepted, OUTCOME_WAIT_SECONDS);
		double completedSeconds = (System.nanoTime() - restarted) / 1e9;
		long drainDeadline = System.nanoTime() + Duration.ofSeconds(OUTCOME_WAIT_SECONDS).toNanos();
		Map<Component, Long> left = outboxRows(stack);
		while (left.values().stream().anyMatch(rows -> rows > 0) && System.nanoTime() < drainDeadline) {
			Pause.millis(200);
			left = outboxRows(stack);
		}
		double drainedSeconds = (System.nanoTime() - restarted) / 1e9;

		Map<String, Object> figures = Result.newFigures();
		figures.put("ordersPerSecond", RATE);
		figures.put("outageSeconds", OUTAGE.toSeconds());
		figures.put("statuses", HttpLoad.statuses(samples));
		peak.forEach((service, rows) -> figures.put(service.id().replace("-service", "") + "OutboxRowsMax", rows));
		figures.put("outboxRowsMax", peak.values().stream().mapToLong(Long::longValue).sum());
		figures.put("accepted", accepted.size());
		figures.put("withoutOutcome", pending);
		figures.put("restartToAllCompletedSeconds", Distribution.round(completedSeconds));
		figures.put("restartToOutboxesEmptySeconds", Distribution.round(drainedSeconds));
		figures.put("outboxRowsLeft", left.values().stream().mapToLong(Long::longValue).sum());
		String summary = String.format(Locale.ROOT, "%d of %d orders accepted while the relay was down; outbox rows at most %s;"
				+ " relay start to every order completed %.1f s (%d without an outcome), to empty outboxes %.1f s",
				accepted.size(), samples.size(), peak, completedSeconds, pending, drainedSeconds);
		return new Result(ID, TITLE, summary, figures, Result.Goal.of("all accepted orders complete", pending == 0),
				"the relay stopped (SIGTERM) for " + OUTAGE.toSeconds() + " s while orders are sent at " + RATE
						+ "/s through the gateway; each service's outbox counted over JDBC every second; outcomes from "
						+ Approvals.TOPIC + "; the times include the relay's JVM start");
	}

	private static Map<Component, Long> outboxRows(Stack stack) {
		Map<Component, Long> rows = new LinkedHashMap<>();
		for (Component service : SERVICES) {
			String database = service.database();
			try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database), database, database);
					Statement statement = connection.createStatement();
					ResultSet count = statement.executeQuery("SELECT count(*) FROM outbox")) {
				count.next();
				rows.put(service, count.getLong(1));
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not count " + database + "'s outbox: " + e.getMessage(), e);
			}
		}
		return rows;
	}
}
