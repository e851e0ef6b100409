package dev.ftgo.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.ftgo.devstack.StackException;

/**
 * {@code ./bench}: starts the stack (or uses a running one), runs the measurements, prints the table and
 * writes the report. Exit codes: 0 the run finished (whatever the goals say: figures are never asserted),
 * 1 the stack did not start, 64 bad usage.
 */
public final class BenchMain {

	private static final int FAILED = 1;
	private static final int USAGE = 64;

	private BenchMain() {
	}

	public static void main(String[] args) {
		// before the first logger exists: the Kafka clients and zonky only speak up when something is wrong
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		System.setProperty("org.slf4j.simpleLogger.log.io.debezium", "error");
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		BenchOptions options;
		try {
			options = BenchOptions.parse(List.of(args), out);
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println("Try ./bench --help for the options.");
			System.exit(USAGE);
			return;
		}
		if (options == null) {
			return; // the help, printed
		}
		System.exit(run(options, out, err));
	}

	private static int run(BenchOptions options, PrintStream out, PrintStream err) {
		Instant startedAt = Instant.now();
		long began = System.nanoTime();
		Machine machine = Machine.describe();
		out.println("Machine: " + machine.oneLine());
		Measurements measurements = new Measurements(options, out);
		if (options.ownStack()) {
			OwnStack own = OwnStack.create(options.keepRunDir(), out);
			Runtime.getRuntime().addShutdownHook(new Thread(own::close, "bench-shutdown"));
			out.println("Starting the stack from empty data in " + own.runDir());
			try {
				own.start();
			}
			catch (StackException e) {
				err.println(e.getMessage());
				own.close();
				return FAILED;
			}
			try {
				measurements.runAll(own);
			}
			catch (RuntimeException e) {
				own.keepForInspection();
				throw e;
			}
			finally {
				out.println("Stopping the stack");
				own.close();
			}
		}
		else {
			measurements.runAll(Target.external(options));
		}
		Report report = new Report(startedAt, (System.nanoTime() - began) / 1e9, machine, options.asReport(),
				measurements.results(), measurements.charts(), measurements.profiles());
		report.print(out);
		Path dir = options.out().resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault())
				.format(startedAt));
		report.write(dir);
		List<String> files = new ArrayList<>(List.of("report.json"));
		files.addAll(measurements.charts().keySet());
		measurements.profiles().forEach(profile -> files.add(profile.fileName()));
		out.println("Report: " + dir.toAbsolutePath().resolve("report.md") + " (and " + String.join(", ", files) + ")");
		return 0;
	}
}
