package dev.ftgo.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 */
record BenchOptions(int rows, int batch, int payloadBytes, double lagRate, int lagSeconds, int concurrency,
		int seconds, int warmupSeconds, double rate, int producerRecords, int drainTimeoutSeconds,
		Set<Measurement> only, URI gateway, URI orderService, String kafka, URI identity, Path out, boolean keepRunDir,
		boolean help) {

	/** What can be chosen with {@code --only}; cold start and footprint come with every stack the bench starts. */
	enum Measurement {
		DRAIN, LAG, ORDERS, PRODUCER
	}

	static final String USAGE = """
			Usage: ./bench [options]

			Starts the whole stack on free ports in a temporary run directory (never touching a ./stack you
			run), measures it, prints a table and writes report.json, report.md and SVG charts to
			benchmark/results/<timestamp>/. Figures are printed, never asserted.

			  --rows=50000             K outbox rows inserted with the relay stopped, then drained
			  --batch=500              rows per insert transaction (one single-row INSERT per row)
			  --payload-bytes=256      JSON payload size of each outbox row and of each raw producer record
			  --lag-rate=0             rows/s for the relay lag measurement; 0 = half the measured drain rate
			  --lag-seconds=30         duration of the relay lag measurement
			  --concurrency=8          clients of the closed-loop POST /api/v1/orders loads
			  --seconds=30             duration of each order load
			  --warmup-seconds=10      unrecorded load before each closed-loop load
			  --rate=50                orders/s of the fixed-rate load (POST -> APPROVED)
			  --producer-records=0     records of the raw Kafka producer measurement; 0 = same as --rows
			  --drain-timeout-seconds=300
			  --only=drain,lag,orders,producer   run only these measurements
			  --out=benchmark/results  where the report folders go
			  --keep-run-dir           keep the stack's data and logs after the run
			  --gateway=URL            measure a running stack instead (e.g. http://localhost:8080): only the
			                           order loads, plus what --order-service and --kafka make possible; the
			                           measurements that stop and start processes are skipped
			  --order-service=URL      with --gateway: order-service's own port, for the gateway overhead
			  --kafka=HOST:PORT        with --gateway: the broker, for POST -> APPROVED and the producer limit
			  --identity=URL           with --gateway: the stack's identity server, whose POST /tokens signs the
			                           tokens the loads send (default http://127.0.0.1:8090, ./stack's)
			""";

	private static final Map<String, String> DEFAULTS = defaults();

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("rows", "50000");
		defaults.put("batch", "500");
		defaults.put("payload-bytes", "256");
		defaults.put("lag-rate", "0");
		defaults.put("lag-seconds", "30");
		defaults.put("concurrency", "8");
		defaults.put("seconds", "30");
		defaults.put("warmup-seconds", "10");
		defaults.put("rate", "50");
		defaults.put("producer-records", "0");
		defaults.put("drain-timeout-seconds", "300");
		defaults.put("only", "drain,lag,orders,producer");
		defaults.put("gateway", "");
		defaults.put("order-service", "");
		defaults.put("kafka", "");
		defaults.put("identity", "");
		defaults.put("out", "benchmark/results");
		defaults.put("keep-run-dir", "false");
		defaults.put("help", "false");
		return defaults;
	}

	static BenchOptions parse(List<String> args) {
		Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Not an option: " + arg);
			}
			String[] pair = arg.substring(2).split("=", 2);
			if (!values.containsKey(pair[0])) {
				throw new IllegalArgumentException("Unknown option: --" + pair[0]);
			}
			values.put(pair[0], pair.length > 1 ? pair[1] : "true");
		}
		BenchOptions options = new BenchOptions(positive(values, "rows"), positive(values, "batch"),
				positive(values, "payload-bytes"), Double.parseDouble(values.get("lag-rate")), positive(values, "lag-seconds"),
				positive(values, "concurrency"), positive(values, "seconds"), Integer.parseInt(values.get("warmup-seconds")),
				Double.parseDouble(values.get("rate")), Integer.parseInt(values.get("producer-records")),
				positive(values, "drain-timeout-seconds"), measurements(values.get("only")), uri(values.get("gateway")),
				uri(values.get("order-service")), blankToNull(values.get("kafka")), uri(values.get("identity")),
				Path.of(values.get("out")), Boolean.parseBoolean(values.get("keep-run-dir")),
				Boolean.parseBoolean(values.get("help")));
		if (options.gateway == null && (options.orderService != null || options.kafka != null || options.identity != null)) {
			throw new IllegalArgumentException("--order-service, --kafka and --identity go with --gateway");
		}
		return options;
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

	private static int positive(Map<String, String> values, String key) {
		int value = Integer.parseInt(values.get(key));
		if (value < 1) {
			throw new IllegalArgumentException("--" + key + " must be at least 1");
		}
		return value;
	}

	private static Set<Measurement> measurements(String list) {
		Set<Measurement> selected = EnumSet.noneOf(Measurement.class);
		for (String name : list.split(",")) {
			if (!name.isBlank()) {
				selected.add(Measurement.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
		}
		return selected;
	}

	private static URI uri(String value) {
		return value.isBlank() ? null : URI.create(value.replaceAll("/+$", ""));
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}
}
