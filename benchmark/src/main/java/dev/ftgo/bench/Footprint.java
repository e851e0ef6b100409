package dev.ftgo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

/**
 * Resident memory of every process of the stack, read from {@code /proc}: RSS (what the goal is stated in;
 * it counts pages shared between processes once per process, so PostgreSQL's backends overstate it) and
 * PSS (shared pages split between their users, so the total is what the stack really occupies).
 */
final class Footprint {

	/** Megabytes of one component: its process and all its descendants (PostgreSQL's backends). */
	record Usage(double rssMb, double pssMb, int processes) {
	}

	private Footprint() {
	}

	/** RSS and PSS come from /proc, which only Linux has; the JDK tells neither of another process. */
	static boolean measurable() {
		return Files.isReadable(Path.of("/proc/self/smaps_rollup"));
	}

	/** Empty where the footprint is not {@link #measurable()}. */
	static Map<Component, Usage> measure(Stack stack) {
		Map<Component, Usage> usage = new LinkedHashMap<>();
		if (!measurable()) {
			return usage;
		}
		for (Component component : Component.values()) {
			if (stack.components().contains(component)) {
				StackProcesses.of(stack, component).ifPresent(processes -> usage.put(component, of(processes)));
			}
		}
		return usage;
	}

	/**
	 * The figures and summary of the footprint taken after the loads, with the total of the one taken when
	 * idle. The goal is judged on PSS: summed RSS counts PostgreSQL's shared buffers once per backend and
	 * the JVMs' shared class data once per JVM, so it overstates what the stack occupies.
	 */
	static Result result(Map<Component, Usage> idle, Map<Component, Usage> loaded, Map<String, Double> idleCores,
			double goalMb) {
		String goal = String.format(Locale.ROOT, "≤ %.1f GB total (PSS)", goalMb / 1024);
		if (!measurable()) {
			return Result.skipped("footprint", "6 Footprint (memory)", goal, "memory per process is read from /proc, which"
					+ " only Linux has; not measured on " + System.getProperty("os.name"));
		}
		Map<String, Object> figures = Result.newFigures();
		loaded.forEach((component, usage) -> {
			figures.put(component.id() + "RssMb", Distribution.round(usage.rssMb()));
			figures.put(component.id() + "PssMb", Distribution.round(usage.pssMb()));
			figures.put(component.id() + "Processes", usage.processes());
		});
		double rss = total(loaded, Usage::rssMb);
		double pss = total(loaded, Usage::pssMb);
		figures.put("totalRssMb", Distribution.round(rss));
		figures.put("totalPssMb", Distribution.round(pss));
		figures.put("idleTotalRssMb", Distribution.round(total(idle, Usage::rssMb)));
		figures.put("idleTotalPssMb", Distribution.round(total(idle, Usage::pssMb)));
		double stackIdleCores = idleCores.entrySet().stream().filter(entry -> !entry.getKey().equals(CpuTime.BENCH)
				&& !entry.getKey().equals(CpuTime.OTHERS)).mapToDouble(Map.Entry::getValue).sum();
		figures.put("idleCores", idleCores);
		figures.put("stackIdleCores", Distribution.round(stackIdleCores));
		StringBuilder perProcess = new StringBuilder();
		loaded.forEach((component, usage) -> perProcess.append(perProcess.length() == 0 ? "" : ", ")
				.append(component.id()).append(String.format(Locale.ROOT, " %.0f", usage.rssMb())));
		String summary = String.format(Locale.ROOT, "PSS %.0f MB in total (idle after start %.0f MB); RSS summed %.0f MB;"
				+ " RSS per process (MB): %s; idle, the stack keeps %.2f cores busy", pss, total(idle, Usage::pssMb), rss,
				perProcess, stackIdleCores);
		return new Result("footprint", "6 Footprint (memory)", summary, figures,
				Result.Goal.of(goal, pss <= goalMb),
				"VmRSS and Pss from /proc of each process and its descendants (postgres: the postmaster and its backends),"
						+ " taken after every load ran. The goal is judged on the PSS total: summed RSS counts shared pages"
						+ " (PostgreSQL's shared buffers, the JVMs' class data sharing) once per process. JVMs: -Xmx256m"
						+ " (Spring Boot apps), -Xmx384m (Kafka), serial GC, C1 only (dev-stack's settings). Idle cores: CPU time"
						+ " over five seconds without load, once the last load had settled");
	}

	private static double total(Map<Component, Usage> usage, ToDoubleFunction<Usage> field) {
		return usage.values().stream().mapToDouble(field).sum();
	}

	private static Usage of(List<ProcessHandle> tree) {
		double rssKb = 0;
		double pssKb = 0;
		for (ProcessHandle process : tree) {
			rssKb += kilobytes(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:");
			pssKb += kilobytes(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:");
		}
		return new Usage(rssKb / 1024, pssKb / 1024, tree.size());
	}

	/** The value of a {@code Name:   1234 kB} line; 0 when the process is gone or the file unreadable. */
	private static long kilobytes(Path file, String field) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.filter(line -> line.startsWith(field)).findFirst()
					.map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0])).orElse(0L);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}
}
