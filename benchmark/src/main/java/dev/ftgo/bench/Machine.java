package dev.ftgo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The machine the figures come from, as the report states it: they mean little without it. The load
 * average at the start says whether something else was competing for the cores.
 */
record Machine(int cpus, String cpuModel, double memoryGb, String java, String os, String loadAverage) {

	static Machine describe() {
		return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryGb(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
				read("/proc/loadavg").stream().findFirst().map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
						.or(Machine::loadAverageFromJdk).orElse("?"));
	}

	String oneLine() {
		return String.format(Locale.ROOT, "%d CPUs (%s), %.1f GB RAM, %s, %s, load average at start %s", cpus, cpuModel,
				memoryGb, java, os, loadAverage);
	}

	Map<String, Object> asReport() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpus", cpus);
		machine.put("cpuModel", cpuModel);
		machine.put("memoryGb", memoryGb);
		machine.put("java", java);
		machine.put("os", os);
		machine.put("loadAverageAtStart", loadAverage);
		return machine;
	}

	private static String readCpuModel() {
		return read("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name")).findFirst()
				.map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
	}

	private static double readMemoryGb() {
		double gb = read("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)
				// macOS, Windows: no /proc, but the JDK knows the machine's memory
				.orElseGet(() -> ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
						.getTotalMemorySize() / 1024.0 / 1024.0 / 1024.0);
		return Math.round(gb * 10) / 10.0;
	}

	/** The one-minute figure only (macOS); empty on Windows, which has no load average. */
	private static Optional<String> loadAverageFromJdk() {
		double oneMinute = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return oneMinute < 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%.2f", oneMinute));
	}

	private static List<String> read(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException e) {
			return List.of();
		}
	}
}
