package dev.ftgo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.ftgo.devstack.Component;
import dev.ftgo.devstack.Stack;

import com.sun.tools.attach.VirtualMachine;

/**
 * CPU flame graphs of the stack's JVMs while a load runs. async-profiler's native library comes in the
 * {@code tools.profiler:async-profiler} jar on the bench's class path; it is loaded into a running JVM of
 * the stack through the JDK's attach API, as async-profiler's own launcher does, started before the load and
 * stopped after it. Each profile gives an HTML flame graph for the report folder and a few findings for the
 * report (see {@link ProfileFindings}).
 * <p>
 * Where the jar has no library for the platform (Windows), or a JVM refuses the attach, the bench says so and
 * runs the load without a profile: a profile is never worth a measurement.
 */
final class Profiler {

	/** 100 samples per second and thread: about 1 % of a busy core, and enough samples in 30 s. */
	private static final String START = "start,event=cpu,interval=10ms";

	/** One component's profile: the flame graph's file name and HTML, and what stands out in it. */
	record Profile(String component, String window, String fileName, String html, ProfileFindings findings) {
	}

	/** Null when profiles cannot be taken here: then {@link #during} only runs the load. */
	private final Path library;
	private final Path scratch;
	private final PrintStream out;
	private final List<Profile> profiles = new ArrayList<>();

	private Profiler(Path library, Path scratch, PrintStream out) {
		this.library = library;
		this.scratch = scratch;
		this.out = out;
	}

	/** One that only runs the loads: for a stack the bench did not start, whose processes it does not know. */
	static Profiler none(PrintStream out) {
		return new Profiler(null, null, out);
	}

	/** Where async-profiler has no library for this platform, one that only runs the loads; the reason is printed. */
	static Profiler create(PrintStream out) {
		String resource = resource();
		if (resource == null) {
			out.println("No flame graphs: async-profiler has no library for " + System.getProperty("os.name") + " "
					+ System.getProperty("os.arch"));
			return none(out);
		}
		try (InputStream in = Profiler.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				out.println("No flame graphs: " + resource + " is not on the class path");
				return none(out);
			}
			Path scratch = Files.createTempDirectory("ftgo-bench-profiles");
			scratch.toFile().deleteOnExit();
			Path library = scratch.resolve("libasyncProfiler.so");
			Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
			library.toFile().deleteOnExit();
			return new Profiler(library, scratch, out);
		}
		catch (IOException e) {
			out.println("No flame graphs: " + e.getMessage());
			return none(out);
		}
	}

	/**
	 * Runs {@code load} with the given components profiled, and keeps their profiles under {@code window} (a
	 * short name, e.g. "orders", that goes into the file names).
	 */
	<T> T during(Target target, List<Component> components, String window, Supplier<T> load) {
		if (library == null || !target.controlsProcesses()) {
			return load.get();
		}
		Stack stack = target.stack();
		Map<Component, Long> started = new LinkedHashMap<>();
		for (Component component : components) {
			StackProcesses.of(stack, component).map(processes -> processes.get(0).pid()).ifPresent(pid -> {
				if (command(pid, START, component)) {
					started.put(component, pid);
				}
			});
		}
		try {
			return load.get();
		}
		finally {
			started.forEach((component, pid) -> collect(component, pid, window));
		}
	}

	List<Profile> profiles() {
		return List.copyOf(profiles);
	}

	private void collect(Component component, long pid, String window) {
		String name = "flame-" + component.id() + "-" + window;
		Path collapsed = scratch.resolve(name + ".collapsed");
		Path html = scratch.resolve(name + ".html");
		if (!command(pid, "dump,collapsed,file=" + collapsed, component)
				|| !command(pid, "stop,flamegraph,title=" + component.id() + "_under_the_" + window + "_load,file=" + html,
						component)) {
			return;
		}
		try {
			ProfileFindings findings = ProfileFindings.of(Files.readAllLines(collapsed));
			profiles.add(new Profile(component.id(), window, name + ".html", Files.readString(html), findings));
			out.printf(Locale.ROOT, "  profiled %s: %,d samples; %s%n", component.id(), findings.samples(),
					findings.oneLine());
		}
		catch (IOException e) {
			out.println("  no profile of " + component.id() + ": " + e.getMessage());
		}
		finally {
			delete(collapsed);
			delete(html);
		}
	}

	/** One async-profiler command in the JVM {@code pid}, as its launcher sends it; false (and why, printed) if it failed. */
	private boolean command(long pid, String arguments, Component component) {
		try {
			VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
			try {
				vm.loadAgentPath(library.toString(), arguments);
				return true;
			}
			finally {
				vm.detach();
			}
		}
		catch (Exception e) {
			out.println("  no profile of " + component.id() + " (" + arguments.split(",")[0] + "): " + e);
			return false;
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			file.toFile().deleteOnExit();
		}
	}

	/** The library's place in the jar for this platform, or null where it ships none. */
	private static String resource() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		if (os.contains("mac")) {
			return "macos/libasyncProfiler.so";
		}
		if (os.contains("linux")) {
			return switch (arch) {
				case "amd64", "x86_64" -> "linux-x64/libasyncProfiler.so";
				case "aarch64", "arm64" -> "linux-arm64/libasyncProfiler.so";
				default -> null;
			};
		}
		return null;
	}
}
