package dev.ftgo.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine;

/**
 * The bench's settings, all flags with defaults chosen so that a full run takes under ten minutes on two
 * cores (the stack's cold start included).
 *
 * @param rows K, the outbox rows of the drain measurement (at least 50,000 for a figure comparable with docs/bench.md)
 * @param batch rows per insert transaction in the drain measurement
 * @param payloadBytes size of each outbox row's JSON payload, and of the raw producer's record values
 * @param lagRate rows/s of the lag measurement; 0 means half the measured drain rate
 * @param concurrency clients of the closed-loop order loads
 * @param rate orders/s of the fixed-rate load (the POST → APPROVED goal is stated at 50/s)
 * @param gateway a running stack's gateway; null makes the bench start a stack of its own
 * @param identity with {@code gateway}: the running stack's identity server, whose {@code POST /tokens} signs the
 * tokens the loads send; null means the dev stack's default port on this machine
 * @param profiles whether a stack the bench starts is profiled under load (flame graphs in the report)
 */
record BenchOptions(int rows, int batch, int payloadBytes, double lagRate, int lagSeconds, int concurrency,
		int seconds, int warmupSeconds, double rate, int producerRecords, int drainTimeoutSeconds,
		Set<Measurement> only, URI gateway, URI orderService, String kafka, URI identity, Path out, boolean keepRunDir,
		boolean profiles) {

	/** What can be chosen with {@code --only}; cold start and footprint come with every stack the bench starts. */
	enum Measurement {
		DRAIN, LAG, ORDERS, PRODUCER, OUTAGE
	}

	/**
	 * The options of a command line.
	 *
	 * @return null when the command line asked for the help or version, which picocli has printed to {@code out}
	 * @throws IllegalArgumentException for a malformed or unknown option, with picocli's message
	 */
	static BenchOptions parse(List<String> args, PrintStream out) {
		CommandLine commandLine = BenchCommand.commandLine().setOut(new PrintWriter(out, true));
		try {
			commandLine.parseArgs(args.toArray(String[]::new));
		}
		catch (CommandLine.ParameterException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		if (CommandLine.printHelpIfRequested(commandLine.getParseResult())) {
			return null;
		}
		return commandLine.<BenchCommand>getCommand().options();
	}

	boolean ownStack() {
		return gateway == null;
	}

	boolean runs(Measurement measurement) {
		return only.contains(measurement);
	}

	int producerRecordCount() {
		return producerRecords > 0 ? producerRecords : rows;
	}

	/** The settings as they go into the report. */
	Map<String, Object> asReport() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("rows", rows);
		settings.put("batch", batch);
		settings.put("payloadBytes", payloadBytes);
		settings.put("lagRate", lagRate == 0 ? "half the drain rate" : number(lagRate));
		settings.put("lagSeconds", lagSeconds);
		settings.put("concurrency", concurrency);
		settings.put("seconds", seconds);
		settings.put("warmupSeconds", warmupSeconds);
		settings.put("rate", number(rate));
		settings.put("producerRecords", producerRecordCount());
		settings.put("only", only.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
		settings.put("stack", ownStack() ? "started by the bench" : "running at " + gateway);
		return settings;
	}

	/** 50 rather than 50.0 in the report. */
	private static Number number(double value) {
		return value == Math.rint(value) ? (Number) (long) value : (Number) value;
	}
}
