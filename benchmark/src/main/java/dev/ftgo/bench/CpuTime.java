package dev.ftgo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * CPU seconds (user + system) used so far by each component of the stack (its descendants included), by
 * the bench's own JVM, and by the whole machine, from {@code /proc} (elsewhere than on Linux: each process's
 * time from the JDK, and no figure for the rest of the machine). Two snapshots around a load show
 * where the cores went, including to processes that are not ours: on a shared two-core machine that is
 * the first thing to know about a figure that misses its goal.
 */
final class CpuTime {

	static final String BENCH = "bench itself";
	static final String OTHERS = "other processes";

	/** Linux reports CPU time in clock ticks; USER_HZ is 100 on every mainstream x86-64 kernel. */
	private static final double TICKS_PER_SECOND = 100;

	private final Map<String, Double> seconds;
	private final double machineSeconds;
	private final long takenAt = System.nanoTime();

	private CpuTime(Map<String, Double> seconds, double machineSeconds) {
		this.seconds = seconds;
		this.machineSeconds = machineSeconds;
	}

	static CpuTime of(Stack stack) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		for (Component component : Component.values()) {
			if (stack.components().contains(component)) {
				StackProcesses.of(stack, component).ifPresent(processes -> seconds.put(component.id(),
						processes.stream().mapToDouble(process -> processSeconds(process.pid())).sum()));
			}
		}
		seconds.put(BENCH, processSeconds(ProcessHandle.current().pid()));
		return new CpuTime(seconds, machineSeconds());
	}

	/**
	 * Cores each kept busy between {@code earlier} and this snapshot (1.0 = one whole core), with what the
	 * rest of the machine used under {@link #OTHERS}.
	 */
	Map<String, Double> coresSince(CpuTime earlier) {
		double wall = (takenAt - earlier.takenAt) / 1e9;
		Map<String, Double> cores = new LinkedHashMap<>();
		double ours = 0;
		for (Map.Entry<String, Double> entry : seconds.entrySet()) {
			double used = entry.getValue() - earlier.seconds.getOrDefault(entry.getKey(), 0.0);
			ours += used;
			cores.put(entry.getKey(), round(used / wall));
		}
		if (!Double.isNaN(machineSeconds)) {
			cores.put(OTHERS, round(Math.max(0, machineSeconds - earlier.machineSeconds - ours) / wall));
		}
		return cores;
	}

	/** The busiest first, e.g. {@code order-service 0.62, postgres 0.48, other processes 0.41}. */
	static String busiest(Map<String, Double> cores, int count) {
		return cores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(count)
				.map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
				.collect(Collectors.joining(", "));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static double processSeconds(long pid) {
		if (!Files.isReadable(Path.of("/proc/stat"))) {
			// macOS, Windows: the JDK's figure, without the time of exited children (PostgreSQL's ended backends)
			return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
					.map(duration -> duration.toNanos() / 1e9).orElse(0.0);
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the fields after the command name, which is in parentheses and may hold spaces
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields 14-17 of the line (11-14 here): utime, stime, and the same of children that exited and were
			// reaped (PostgreSQL's ended backends), which are no longer among the descendants
			long ticks = 0;
			for (int field = 11; field <= 14; field++) {
				ticks += Long.parseLong(fields[field]);
			}
			return ticks / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** Busy time of all CPUs: the first line of /proc/stat without idle and iowait; NaN without /proc (not Linux). */
	private static double machineSeconds() {
		if (!Files.isReadable(Path.of("/proc/stat"))) {
			return Double.NaN;
		}
		try {
			List<String> fields = List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"));
			long busy = 0;
			// cpu user nice system idle iowait irq softirq steal
			for (int field : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields.get(field));
			}
			return busy / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}
}
