package dev.ftgo.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import dev.ftgo.bench.BenchOptions.Measurement;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The bench's command line, declared for picocli, which parses it and writes the help from it. */
@Command(name = "./bench", sortOptions = false, usageHelpWidth = 110, mixinStandardHelpOptions = true,
		versionProvider = BenchCommand.NoVersion.class,
		description = "Starts the whole stack on free ports in a temporary run directory (never touching a ./stack you"
				+ " run), measures it, prints a table and writes report.json, report.md and SVG charts to"
				+ " benchmark/results/<timestamp>/. Figures are printed, never asserted.%n")
final class BenchCommand {

	@Option(names = "--rows", paramLabel = "K", defaultValue = "50000",
			description = "outbox rows inserted with the relay stopped, then drained (default ${DEFAULT-VALUE})")
	int rows;

	@Option(names = "--batch", paramLabel = "N", defaultValue = "500",
			description = "rows per insert transaction (one single-row INSERT per row; default ${DEFAULT-VALUE})")
	int batch;

	@Option(names = "--payload-bytes", paramLabel = "N", defaultValue = "256",
			description = "JSON payload size of each outbox row and of each raw producer record (default ${DEFAULT-VALUE})")
	int payloadBytes;

	@Option(names = "--lag-rate", paramLabel = "ROWS/S", defaultValue = "0",
			description = "rows/s for the relay lag measurement; 0 = half the measured drain rate (the default)")
	double lagRate;

	@Option(names = "--lag-seconds", paramLabel = "S", defaultValue = "30",
			description = "duration of the relay lag measurement (default ${DEFAULT-VALUE})")
	int lagSeconds;

	@Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
			description = "clients of the closed-loop POST /api/v1/orders loads (default ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--seconds", paramLabel = "S", defaultValue = "30",
			description = "duration of each order load (default ${DEFAULT-VALUE})")
	int seconds;

	@Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "10",
			description = "unrecorded load before each closed-loop load (default ${DEFAULT-VALUE})")
	int warmupSeconds;

	@Option(names = "--rate", paramLabel = "ORDERS/S", defaultValue = "50",
			description = "orders/s of the fixed-rate load, POST -> APPROVED (default ${DEFAULT-VALUE})")
	double rate;

	@Option(names = "--producer-records", paramLabel = "N", defaultValue = "0",
			description = "records of the raw Kafka producer measurement; 0 = same as --rows (the default)")
	int producerRecords;

	@Option(names = "--drain-timeout-seconds", paramLabel = "S", defaultValue = "300",
			description = "how long a drain may take (default ${DEFAULT-VALUE})")
	int drainTimeoutSeconds;

	@Option(names = "--only", paramLabel = "MEASUREMENT", split = ",", defaultValue = "drain,lag,orders,producer,outage",
			description = "run only these measurements, comma-separated: ${COMPLETION-CANDIDATES} (default: all)")
	List<Measurement> only;

	@Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmark/results",
			description = "where the report folders go (default ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--keep-run-dir", description = "keep the stack's data and logs after the run")
	boolean keepRunDir;

	@Option(names = "--no-profiles",
			description = "take no flame graphs, so the profiler's cost stays out of the figures measured under them")
	boolean noProfiles;

	@Option(names = "--gateway", paramLabel = "URL",
			description = "measure a running stack instead (e.g. http://localhost:8080): only the order loads, plus"
					+ " what --order-service and --kafka make possible; what stops and starts processes is skipped")
	URI gateway;

	@Option(names = "--order-service", paramLabel = "URL",
			description = "with --gateway: order-service's own port, for the gateway overhead")
	URI orderService;

	@Option(names = "--kafka", paramLabel = "HOST:PORT",
			description = "with --gateway: the broker, for POST -> APPROVED and the producer limit")
	String kafka;

	@Option(names = "--identity", paramLabel = "URL",
			description = "with --gateway: the stack's identity server, whose POST /tokens signs the tokens the"
					+ " loads send (default http://127.0.0.1:8090, ./stack's)")
	URI identity;

	static CommandLine commandLine() {
		return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true)
				.setUsageHelpLongOptionsMaxWidth(28);
	}

	/** The parsed options, checked for what picocli cannot declare. */
	BenchOptions options() {
		positive("--rows", rows);
		positive("--batch", batch);
		positive("--payload-bytes", payloadBytes);
		positive("--lag-seconds", lagSeconds);
		positive("--concurrency", concurrency);
		positive("--seconds", seconds);
		positive("--drain-timeout-seconds", drainTimeoutSeconds);
		if (gateway == null && (orderService != null || kafka != null || identity != null)) {
			throw new IllegalArgumentException("--order-service, --kafka and --identity go with --gateway");
		}
		return new BenchOptions(rows, batch, payloadBytes, lagRate, lagSeconds, concurrency, seconds, warmupSeconds,
				rate, producerRecords, drainTimeoutSeconds, only.isEmpty() ? EnumSet.noneOf(Measurement.class)
						: EnumSet.copyOf(only),
				withoutTrailingSlash(gateway), withoutTrailingSlash(orderService), kafka, withoutTrailingSlash(identity),
				out, keepRunDir, !noProfiles);
	}

	private static void positive(String option, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(option + " must be at least 1");
		}
	}

	private static URI withoutTrailingSlash(URI uri) {
		return uri == null ? null : URI.create(uri.toString().replaceAll("/+$", ""));
	}

	/** The bench has no release of its own to report. */
	static final class NoVersion implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "ftgo bench (part of the project's build)" };
		}
	}
}
